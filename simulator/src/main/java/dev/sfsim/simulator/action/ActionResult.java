package dev.sfsim.simulator.action;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.sfsim.simulator.http.ErrorRenderer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One element of an invocable action's answer ("Invocable Actions", REST API Developer Guide):
 * {@code {"actionName","errors","invocationId","isSuccess","outcome","outputValues","sortOrder",
 * "version"}}, every key present (nulls included), in that order.
 *
 * @param errors null on success; one record error ({@code statusCode}, {@code message}, {@code
 *     fields}) on failure
 * @param outputValues the action's outputs on success, null on failure
 */
@JsonPropertyOrder({
  "actionName",
  "errors",
  "invocationId",
  "isSuccess",
  "outcome",
  "outputValues",
  "sortOrder",
  "version"
})
public record ActionResult(
    String actionName,
    @Nullable List<ErrorRenderer.RecordError> errors,
    @Nullable String invocationId,
    @JsonProperty("isSuccess") boolean isSuccess,
    @Nullable String outcome,
    @Nullable Map<String, Object> outputValues,
    int sortOrder,
    int version) {

  public static ActionResult success(String actionName, Map<String, Object> outputValues) {
    return new ActionResult(actionName, null, null, true, null, outputValues, -1, 1);
  }

  public static ActionResult failure(String actionName, ErrorRenderer.RecordError error) {
    return new ActionResult(actionName, List.of(error), null, false, null, null, -1, 1);
  }
}
