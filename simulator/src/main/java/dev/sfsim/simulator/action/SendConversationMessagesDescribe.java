package dev.sfsim.simulator.action;

import dev.sfsim.simulator.org.ApiVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The describe of {@code sendConversationMessages} ({@code GET
 * /actions/standard/sendConversationMessages}; "Send Conversation Messages Actions", Actions
 * Developer Guide): label "Send Conversation Messages", type {@code SEND_CONVERSATION_MESSAGES},
 * the inputs of the Actions Developer Guide with their types ({@code messagingEndUserIds} a STRING
 * list of up to 100), outputs {@code requestId} and {@code messageIdentifiers}. {@code
 * channelConsentType} and {@code communicationSubscriptionId} appear from v62.0, the version they
 * were added in.
 */
public final class SendConversationMessagesDescribe {
  public static final String LABEL = "Send Conversation Messages";
  public static final String TYPE = "SEND_CONVERSATION_MESSAGES";
  static final double CONSENT_TYPE_SINCE = 62.0;

  private SendConversationMessagesDescribe() {}

  /** The {@code actions} list entry: {@code {"label","name","type","url"}}. */
  public static Map<String, Object> listEntry(ApiVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", LABEL);
    m.put("name", SendConversationMessagesService.ACTION_NAME);
    m.put("type", TYPE);
    m.put("url", v.basePath() + "/actions/standard/" + SendConversationMessagesService.ACTION_NAME);
    return m;
  }

  /** The full describe. */
  public static Map<String, Object> describe(ApiVersion v) {
    List<Map<String, Object>> inputs = new ArrayList<>();
    inputs.add(
        param(
            "messageDefinitionName",
            "Message Definition Name",
            "STRING",
            true,
            1,
            "API name of an active notification messaging component."));
    inputs.add(
        param(
            "requestType",
            "Request Type",
            "STRING",
            true,
            1,
            "The request type. The only value is SendNotificationMessages."));
    inputs.add(
        param(
            "messagingEndUserIds",
            "Messaging End User IDs",
            "STRING",
            true,
            SendInputValidator.MAX_RECIPIENTS,
            "IDs of the messaging end users to send the message to, up to 100."));
    inputs.add(
        param(
            "isEnforceMessagingChannelConsent",
            "Enforce Messaging Channel Consent",
            "BOOLEAN",
            false,
            1,
            "Whether to check the recipients' messaging channel consent."));
    inputs.add(
        param(
            "allowedSessionStatus",
            "Allowed Session Status",
            "STRING",
            false,
            1,
            "Session statuses the message may be sent into: Any, NonActive or Closed."));
    inputs.add(
        param(
            "messagingDefinitionInputParameters",
            "Messaging Definition Input Parameters",
            "APEX",
            false,
            5,
            "Values of the messaging component's parameters (RichMessaging.MessageDefinitionInputParameter)."));
    if (v.value() >= CONSENT_TYPE_SINCE) {
      inputs.add(
          param(
              "channelConsentType",
              "Channel Consent Type",
              "STRING",
              false,
              1,
              "MessagingEndUser, CommunicationSubscription or Custom."));
      inputs.add(
          param(
              "communicationSubscriptionId",
              "Communication Subscription ID",
              "STRING",
              false,
              1,
              "ID of the communication subscription that gates the recipients."));
    }
    List<Map<String, Object>> outputs =
        List.of(
            param(
                "requestId",
                "Request ID",
                "STRING",
                false,
                1,
                "ID of the ConvMessageSendRequest record."),
            param(
                "messageIdentifiers",
                "Message Identifiers",
                "STRING",
                false,
                1,
                "Comma-separated message identifiers, one per recipient in input order."));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("category", "Messaging");
    m.put(
        "description",
        "Send messages to messaging end users through a notification messaging component.");
    m.put("durableId", SendConversationMessagesService.ACTION_NAME);
    m.put("iconName", null);
    m.put("inputs", inputs);
    m.put("isStandard", true);
    m.put("label", LABEL);
    m.put("name", SendConversationMessagesService.ACTION_NAME);
    m.put("outputs", outputs);
    m.put("standard", true);
    m.put("targetEntityName", null);
    m.put("type", TYPE);
    return m;
  }

  private static Map<String, Object> param(
      String name, String label, String type, boolean required, int maxOccurs, String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("byteLength", 0);
    m.put("description", description);
    m.put("label", label);
    m.put("maxOccurs", maxOccurs);
    m.put("name", name);
    m.put("picklistValues", null);
    m.put("required", required);
    m.put("sobjectType", null);
    m.put("type", type);
    return m;
  }
}
