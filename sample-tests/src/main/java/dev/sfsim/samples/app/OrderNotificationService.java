package dev.sfsim.samples.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * The example application: tells customers on WhatsApp that their order has shipped, through
 * Salesforce's {@code sendConversationMessages} action and the {@code Order_Shipped} notification
 * component, and reports how the send went by reading the {@code ConvMessageSendRequest} the action
 * created.
 */
public final class OrderNotificationService {
  private final SalesforceConnection salesforce;

  public OrderNotificationService(SalesforceConnection salesforce) {
    this.salesforce = salesforce;
  }

  /** How a notification request went. */
  public record Delivery(String status, int sent, int failed, int pending, String failureReasons) {
    public boolean done() {
      return "Completed".equals(status);
    }
  }

  /**
   * Sends the "order shipped" notification to the customers (their {@code MessagingEndUser} ids).
   *
   * @return the request id to track the send with
   * @throws IOException when Salesforce refuses the request (the error names why)
   */
  public String notifyShipped(String orderNumber, List<String> messagingEndUserIds)
      throws IOException, InterruptedException {
    ObjectNode input =
        SalesforceConnection.json()
            .createObjectNode()
            .put("messageDefinitionName", "Order_Shipped")
            .put("requestType", "SendNotificationMessages")
            .put("isEnforceMessagingChannelConsent", true)
            .put("allowedSessionStatus", "Any")
            .put("messagingEndUserIds", String.join(",", messagingEndUserIds));
    input
        .putArray("messagingDefinitionInputParameters")
        .addObject()
        .put("name", "orderNumber")
        .put("textValue", orderNumber);
    ArrayNode inputs = SalesforceConnection.json().createArrayNode().add(input);
    JsonNode result = salesforce.invokeAction("sendConversationMessages", inputs);
    if (!result.path("isSuccess").asBoolean()) {
      throw new IOException("Not sent: " + result.path("errors"));
    }
    return result.path("outputValues").path("requestId").asText();
  }

  /** The state of a notification request, read with SOQL. */
  public Delivery delivery(String requestId) throws IOException, InterruptedException {
    if (!requestId.matches("[A-Za-z0-9]{15,18}")) {
      throw new IllegalArgumentException("Not a request id: " + requestId);
    }
    JsonNode r =
        salesforce
            .query(
                "SELECT RequestStatus, SuccessMessageCount, FailedMessageCount, PendingMessageCount, "
                    + "FailedMessageErrorReasons FROM ConvMessageSendRequest WHERE Id = '"
                    + requestId
                    + "'")
            .path(0);
    return new Delivery(
        r.path("RequestStatus").asText(),
        r.path("SuccessMessageCount").asInt(),
        r.path("FailedMessageCount").asInt(),
        r.path("PendingMessageCount").asInt(),
        r.path("FailedMessageErrorReasons").isNull()
            ? null
            : r.path("FailedMessageErrorReasons").asText());
  }
}
