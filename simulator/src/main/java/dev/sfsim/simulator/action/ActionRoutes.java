package dev.sfsim.simulator.action;

import dev.sfsim.simulator.http.Negotiation;
import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code POST /services/data/vNN.N/actions/standard/sendConversationMessages} ("Invocable Actions",
 * REST API Developer Guide): 200 with the result array when any input succeeded, 400 with the same
 * array when all failed; 404 {@code NOT_FOUND} below v59.0 and for actions the simulator does not
 * have. With {@code Accept: application/xml} the array answers as {@code
 * <Results><Result>…</Result></Results>}; an XML body ({@code
 * <Inputs><inputs><messageDefinitionName>…</messageDefinitionName>…</inputs></Inputs>}) is read as
 * the JSON {@code {"inputs":[…]}} — both shapes inferred (the guide lists XML for the resource,
 * shows only JSON).
 */
public final class ActionRoutes {
  /** Input properties that are lists even when an XML body has them once. */
  static final Set<String> XML_LISTS =
      Set.of(
          "inputs",
          "messagingDefinitionInputParameters",
          "textValues",
          "recordIdValues",
          "dateValues",
          "dateTimeValues",
          "numberValues",
          "booleanValues");

  private final SendConversationMessagesService send;

  public ActionRoutes(SendConversationMessagesService send) {
    this.send = send;
  }

  public void invoke(Context ctx) {
    ApiVersion v = Requests.version(ctx);
    if (!ctx.pathParam("action").equals(SendConversationMessagesService.ACTION_NAME)
        || v.value() < SendConversationMessagesService.SINCE_VERSION) {
      throw SalesforceException.notFound();
    }
    var invocation =
        send.invoke(Negotiation.body(ctx, XML_LISTS), Requests.session(ctx).userId(), v.value());
    ctx.status(invocation.anySucceeded() ? 200 : 400);
    Negotiation.write(ctx, "Results", "Result", invocation.results());
  }
}
