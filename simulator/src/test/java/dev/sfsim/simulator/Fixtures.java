package dev.sfsim.simulator;

/**
 * Fixture bodies the tests seed: a WhatsApp channel, three end users (Bob opted out) and
 * notification components.
 */
public final class Fixtures {
  private Fixtures() {}

  public static final String MESSAGING =
      """
            {
              "messagingComponents": [
                {"developerName": "Order_Shipped", "masterLabel": "Order Shipped", "componentType": "Notification",
                 "isActive": true, "text": "Hi {!customerName}, your order {!orderNumber} has shipped.",
                 "parameters": [{"name": "customerName", "dataType": "Text", "required": false},
                                {"name": "orderNumber", "dataType": "Text", "required": true}]},
                {"developerName": "Inactive_Notice", "componentType": "Notification", "isActive": false, "text": "off"},
                {"developerName": "Welcome_Text", "componentType": "Text", "isActive": true, "text": "Welcome"}
              ],
              "records": [
                {"attributes": {"type": "MessagingChannel", "referenceId": "whatsapp"},
                 "MasterLabel": "WhatsApp US", "DeveloperName": "WhatsApp_US", "MessageType": "WhatsApp",
                 "MessagingPlatformKey": "whatsapp:+15550100", "IsActive": true, "PlatformType": "Standard",
                 "ConsentType": "ImplicitOptIn"},
                {"attributes": {"type": "MessagingEndUser", "referenceId": "alice"},
                 "Name": "Alice", "MessagingChannelId": "@{whatsapp.id}", "MessageType": "WhatsApp",
                 "MessagingPlatformKey": "whatsapp:+15550101", "MessagingConsentStatus": "ImplicitlyOptedIn"},
                {"attributes": {"type": "MessagingEndUser", "referenceId": "bob"},
                 "Name": "Bob", "MessagingChannelId": "@{whatsapp.id}", "MessageType": "WhatsApp",
                 "MessagingPlatformKey": "whatsapp:+15550102", "MessagingConsentStatus": "OptedOut"},
                {"attributes": {"type": "MessagingEndUser", "referenceId": "carol"},
                 "Name": "Carol", "MessagingChannelId": "@{whatsapp.id}", "MessageType": "WhatsApp",
                 "MessagingPlatformKey": "whatsapp:+15550103"}
              ]
            }""";

  /**
   * A WhatsApp channel, the notification component {@code Order_Shipped} (one required {@code
   * orderNumber}) and {@code recipients} end users {@code u0}, {@code u1}, ... (platform keys
   * {@code whatsapp:+1555<7 digits>}): the load of the tests that send through several simulator
   * processes and kill them.
   */
  public static String whatsAppRecipients(int recipients) {
    StringBuilder records =
        new StringBuilder(
            """
                {"attributes": {"type": "MessagingChannel", "referenceId": "ch"}, "MasterLabel": "WhatsApp", "DeveloperName": "WhatsApp",
                 "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550100", "IsActive": true}""");
    for (int i = 0; i < recipients; i++) {
      records
          .append(",{\"attributes\": {\"type\": \"MessagingEndUser\", \"referenceId\": \"u")
          .append(i)
          .append("\"}, \"Name\": \"User ")
          .append(i)
          .append("\", \"MessagingChannelId\": \"@{ch.id}\", \"MessageType\": \"WhatsApp\", ")
          .append("\"MessagingPlatformKey\": \"whatsapp:+1555")
          .append(String.format("%07d", i))
          .append("\"}");
    }
    return """
                {"messagingComponents": [{"developerName": "Order_Shipped", "componentType": "Notification", "isActive": true,
                  "text": "Your order {!orderNumber} has shipped.", "parameters": [{"name": "orderNumber", "dataType": "Text", "required": true}]}],
                 "records": [%s]}"""
        .formatted(records);
  }
}
