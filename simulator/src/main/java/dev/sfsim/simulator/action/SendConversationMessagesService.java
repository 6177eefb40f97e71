package dev.sfsim.simulator.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.http.ErrorRenderer;
import dev.sfsim.simulator.messaging.RequestWriter;
import dev.sfsim.simulator.messaging.persistence.ComponentRepository;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.SqlStates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Invokes {@code sendConversationMessages} ("Send Conversation Messages", Actions Developer Guide):
 * each input is validated on its own and, when valid, written in its own transaction; an input that
 * fails — invalid, or refused by the database (a NUL character, a lock not obtained, any failure of
 * its transaction) — gets its own error while the other inputs proceed, as Salesforce answers
 * invocable actions per input. So an input that was committed (and will be sent) always answers
 * {@code isSuccess: true} with its {@code requestId}, whatever happens to the inputs after it: a
 * client that retries only the failed inputs never sends one twice. Results come back in input
 * order in the invocable-action result shape ({@code actionName}, {@code errors}, {@code
 * isSuccess}, {@code outputValues} with {@code requestId} and comma-separated {@code
 * messageIdentifiers}, plus {@code invocationId}, {@code outcome}, {@code sortOrder}, {@code
 * version}).
 */
public final class SendConversationMessagesService {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SendConversationMessagesService.class);
  public static final String ACTION_NAME = "sendConversationMessages";

  /** First API version with the action. */
  public static final double SINCE_VERSION = 59.0;

  private final Jdbi jdbi;
  private final SimClock clock;
  private final RequestWriter writer;
  private final SendInputValidator validator;
  private final Duration pickupDelay;

  public SendConversationMessagesService(
      Jdbi jdbi,
      SimClock clock,
      ComponentRepository components,
      RequestWriter writer,
      Duration pickupDelay) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.writer = writer;
    this.validator = new SendInputValidator(components);
    this.pickupDelay = pickupDelay;
  }

  /** The per-input results and whether any input succeeded (HTTP 200) or all failed (HTTP 400). */
  public record Invocation(List<ActionResult> results, boolean anySucceeded) {}

  /**
   * @param body the request body: {@code {"inputs":[{...}, ...]}}
   * @param callerId 18-character id of the invoking user
   * @param apiVersion the request's API version (inputs added later are unknown below their
   *     version)
   * @throws SalesforceException 400 {@code JSON_PARSER_ERROR} when the body has no {@code inputs}
   *     array (nothing written)
   */
  public Invocation invoke(JsonNode body, String callerId, double apiVersion) {
    JsonNode inputs = body.get("inputs");
    if (!body.isObject() || inputs == null || !inputs.isArray()) {
      throw SalesforceException.badRequest(
          ErrorCode.JSON_PARSER_ERROR,
          "The request body must be a JSON object with an 'inputs' array.");
    }
    if (inputs.isEmpty()) {
      throw SalesforceException.badRequest(
          ErrorCode.JSON_PARSER_ERROR, "The 'inputs' array must contain at least one input.");
    }
    List<ActionResult> results = new ArrayList<>();
    boolean any = false;
    for (JsonNode input : inputs) {
      ActionResult r = invokeOne(input, callerId, apiVersion);
      any |= r.isSuccess();
      results.add(r);
    }
    return new Invocation(results, any);
  }

  private ActionResult invokeOne(JsonNode input, String callerId, double apiVersion) {
    try {
      // Validated inside the write's transaction: one connection and handle for both.
      RequestWriter.Written w =
          writer.write(
              () -> jdbi.withHandle(h -> validator.validate(h, input, callerId, apiVersion)),
              clock::now,
              pickupDelay);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(
          "messageIdentifiers",
          w.messageIdentifiers().stream().map(UUID::toString).collect(Collectors.joining(",")));
      out.put("requestId", w.requestId());
      return ActionResult.success(ACTION_NAME, out);
    } catch (SalesforceException e) {
      return failure(e);
    } catch (RuntimeException e) {
      // This input's transaction was rolled back; the inputs before it stay committed and answered
      // as such.
      return failure(
          SqlStates.toSalesforce(e)
              .orElseGet(
                  () -> {
                    LOG.error("sendConversationMessages: an input failed unexpectedly", e);
                    return SalesforceException.unexpected(e);
                  }));
    }
  }

  private static ActionResult failure(SalesforceException e) {
    return ActionResult.failure(ACTION_NAME, ErrorRenderer.recordError(e));
  }
}
