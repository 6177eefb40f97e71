package dev.sfsim.simulator.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.messaging.MessagingComponent;
import dev.sfsim.simulator.messaging.RequestWriter.NewRequest;
import dev.sfsim.simulator.messaging.persistence.ComponentRepository;
import dev.sfsim.simulator.org.SalesforceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Validates one input of {@code sendConversationMessages} ("Send Conversation Messages", Actions
 * Developer Guide; the README's "Messaging behaviour" rules). Each failure is a {@link
 * SalesforceException} whose code and message become the input's {@code errors[0].statusCode} and
 * {@code message}; messages name the input and the value.
 */
final class SendInputValidator {
  static final int MAX_RECIPIENTS = 100;
  private static final Set<String> KNOWN_INPUTS =
      Set.of(
          "messageDefinitionName",
          "requestType",
          "messagingEndUserIds",
          "isEnforceMessagingChannelConsent",
          "allowedSessionStatus",
          "messagingDefinitionInputParameters",
          "channelConsentType",
          "communicationSubscriptionId",
          "sessionLongevityPreference");

  /** Inputs added in v62.0 (with ConvMessageSendRequest.CommSubscriptionId). */
  private static final Set<String> CONSENT_INPUTS =
      Set.of("channelConsentType", "communicationSubscriptionId");

  private static final Set<String> SESSION_STATUSES = Set.of("Any", "NonActive", "Closed");
  private static final Set<String> CONSENT_TYPES =
      Set.of("MessagingEndUser", "CommunicationSubscription", "Custom");

  /**
   * SessionLongevityPreference values; no documented input sets it, {@code
   * sessionLongevityPreference} is our inferred one.
   */
  private static final Set<String> LONGEVITIES =
      Set.of("KeepSessionOpen", "EndSession", "KeepSessionOpenOrAppend");

  private final ComponentRepository components;

  SendInputValidator(ComponentRepository components) {
    this.components = components;
  }

  /**
   * @param apiVersion below 62.0, {@code channelConsentType} and {@code
   *     communicationSubscriptionId} are unknown inputs
   */
  NewRequest validate(Handle h, JsonNode input, String callerId, double apiVersion) {
    if (!input.isObject()) {
      throw invalid("Each input must be a JSON object.");
    }
    input
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (!KNOWN_INPUTS.contains(n)
                  || (CONSENT_INPUTS.contains(n)
                      && apiVersion < SendConversationMessagesDescribe.CONSENT_TYPE_SINCE)) {
                throw invalid("Unknown input parameter: " + n);
              }
            });
    MessagingComponent component = component(h, requiredText(input, "messageDefinitionName"));
    String requestType = requiredText(input, "requestType");
    if (!requestType.equals("SendNotificationMessages")) {
      throw invalid("Invalid requestType: " + requestType);
    }
    List<String> recipients = recipients(input);
    boolean enforce = bool(input, "isEnforceMessagingChannelConsent");
    String sessionStatus = optionalText(input, "allowedSessionStatus", "Any");
    if (!SESSION_STATUSES.contains(sessionStatus)) {
      throw invalid("Invalid allowedSessionStatus: " + sessionStatus);
    }
    String consentType =
        optionalText(input, "channelConsentType", enforce ? "MessagingEndUser" : "Custom");
    if (!CONSENT_TYPES.contains(consentType)) {
      throw invalid("Invalid channelConsentType: " + consentType);
    }
    String subscription = null;
    if (consentType.equals("CommunicationSubscription")) {
      subscription = subscription(h, requiredText(input, "communicationSubscriptionId"));
    }
    String longevity = optionalText(input, "sessionLongevityPreference", "KeepSessionOpen");
    if (!LONGEVITIES.contains(longevity)) {
      throw invalid("Invalid sessionLongevityPreference: " + longevity);
    }
    JsonNode parameters =
        ParameterValidator.validate(component, input.path("messagingDefinitionInputParameters"));
    return new NewRequest(
        component.developerName(),
        recipients,
        sessionStatus,
        enforce,
        consentType.equals("Custom") ? null : consentType,
        parameters,
        callerId,
        subscription,
        longevity);
  }

  private MessagingComponent component(Handle h, String name) {
    MessagingComponent c =
        components
            .find(h, name)
            .filter(MessagingComponent::active)
            .orElseThrow(
                () ->
                    invalid("The messaging component " + name + " doesn't exist or isn't active."));
    if (!c.componentType().equals("Notification")) {
      throw invalid(
          "The messaging component "
              + name
              + " isn't a notification component (its type is "
              + c.componentType()
              + ").");
    }
    return c;
  }

  /**
   * {@code communicationSubscriptionId}: the 15- or 18-character id of an existing
   * CommSubscription.
   */
  private static String subscription(Handle h, String given) {
    String id =
        SalesforceIds.parse(given)
            .filter(i -> SalesforceIds.keyPrefix(i).equals("0Xs"))
            .orElseThrow(() -> invalid("Invalid communicationSubscriptionId: " + given));
    boolean exists =
        h.createQuery(
                "SELECT count(*) > 0 FROM comm_subscription WHERE id = :id AND NOT is_deleted")
            .bind("id", id)
            .mapTo(Boolean.class)
            .one();
    if (!exists) {
      throw invalid("The communication subscription " + given + " doesn't exist.");
    }
    return id;
  }

  /**
   * {@code messagingEndUserIds}: a JSON array or a comma-separated string of 15/18-character
   * MessagingEndUser ids.
   */
  private static List<String> recipients(JsonNode input) {
    JsonNode node = input.get("messagingEndUserIds");
    if (node == null || node.isNull()) {
      throw missing("messagingEndUserIds");
    }
    List<String> raw = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> raw.add(n.asText()));
    } else if (node.isTextual()) {
      for (String s : node.asText().split(",")) {
        raw.add(s);
      }
    } else {
      throw invalid(
          "messagingEndUserIds must be a list of IDs or a comma-separated string, was: " + node);
    }
    List<String> ids = new ArrayList<>();
    for (String s : raw) {
      String t = s.trim();
      if (t.isEmpty()) {
        continue;
      }
      String id =
          SalesforceIds.parse(t)
              .filter(i -> SalesforceIds.keyPrefix(i).equals("0PA"))
              .orElseThrow(() -> invalid("Invalid messaging end user ID: " + t));
      ids.add(id);
    }
    if (ids.isEmpty()) {
      throw invalid("messagingEndUserIds must contain at least one messaging end user ID.");
    }
    if (ids.size() > MAX_RECIPIENTS) {
      throw invalid("You can specify up to 100 messaging end user IDs.");
    }
    return ids;
  }

  private static boolean bool(JsonNode input, String name) {
    JsonNode n = input.get(name);
    if (n == null || n.isNull()) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()
        && (n.asText().equalsIgnoreCase("true") || n.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(n.asText());
    }
    throw invalid("Invalid " + name + ": " + n.asText() + " (expected true or false)");
  }

  private static String requiredText(JsonNode input, String name) {
    JsonNode n = input.get(name);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      throw missing(name);
    }
    if (!n.isTextual()) {
      throw invalid("Invalid " + name + ": " + n + " (expected a string)");
    }
    return n.asText().trim();
  }

  private static String optionalText(JsonNode input, String name, String dflt) {
    JsonNode n = input.get(name);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return dflt;
    }
    if (!n.isTextual()) {
      throw invalid("Invalid " + name + ": " + n + " (expected a string)");
    }
    return n.asText().trim();
  }

  static SalesforceException missing(String name) {
    return SalesforceException.badRequest(
        "REQUIRED_FIELD_MISSING", "Missing required input parameter: " + name);
  }

  static SalesforceException invalid(String message) {
    return SalesforceException.badRequest("INVALID_INPUT", message);
  }
}
