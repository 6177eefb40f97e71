package dev.sfsim.simulator.catalog;

import static dev.sfsim.simulator.catalog.FieldBuilder.field;
import static dev.sfsim.simulator.catalog.FieldBuilder.picklist;
import static dev.sfsim.simulator.catalog.FieldBuilder.reference;
import static dev.sfsim.simulator.catalog.FieldBuilder.text;
import static dev.sfsim.simulator.catalog.SupportedCall.CREATE;
import static dev.sfsim.simulator.catalog.SupportedCall.DELETE;
import static dev.sfsim.simulator.catalog.SupportedCall.DESCRIBE_SOBJECTS;
import static dev.sfsim.simulator.catalog.SupportedCall.GET_DELETED;
import static dev.sfsim.simulator.catalog.SupportedCall.GET_UPDATED;
import static dev.sfsim.simulator.catalog.SupportedCall.QUERY;
import static dev.sfsim.simulator.catalog.SupportedCall.RETRIEVE;
import static dev.sfsim.simulator.catalog.SupportedCall.SEARCH;
import static dev.sfsim.simulator.catalog.SupportedCall.UNDELETE;
import static dev.sfsim.simulator.catalog.SupportedCall.UPDATE;
import static dev.sfsim.simulator.catalog.SupportedCall.UPSERT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The objects of the simulated org, with the fields, types, picklists and versions of Salesforce's
 * Object Reference (v67 pages for MessagingChannel, MessagingEndUser, MessagingSession,
 * ConversationEntry, ConvMessageSendRequest; User and Organization reduced to what clients read
 * after login). The Flyway migrations create one table per object with one column per field; {@code
 * CatalogSchemaTest} keeps them in step.
 */
final class StandardObjects {
  private StandardObjects() {}

  static final String[] MESSAGE_TYPES = PicklistValue.values(MessageType.values());
  static final Set<SupportedCall> ALL_CALLS =
      Set.of(
          CREATE,
          DELETE,
          DESCRIBE_SOBJECTS,
          GET_DELETED,
          GET_UPDATED,
          QUERY,
          RETRIEVE,
          SEARCH,
          UNDELETE,
          UPDATE,
          UPSERT);

  static List<SObjectType> all() {
    return List.of(
        organization(),
        user(),
        messagingChannel(),
        messagingEndUser(),
        messagingSession(),
        conversationEntry(),
        convMessageSendRequest(),
        SalesObjects.account(),
        SalesObjects.contact(),
        SalesObjects.lead(),
        SalesObjects.caseObject(),
        ConsentObjects.commSubscription(),
        ConsentObjects.commSubscriptionChannelType(),
        ConsentObjects.commSubscriptionConsent(),
        ConsentObjects.messagingDeliveryError());
  }

  /**
   * Id, IsDeleted and the audit fields every object carries, followed by the object's own fields.
   */
  static List<SObjectField> withAudit(String idLabel, FieldBuilder... own) {
    List<SObjectField> fields = new ArrayList<>();
    fields.add(
        field("Id", FieldType.ID)
            .label(idLabel)
            .length(18)
            .required()
            .readOnly()
            .idLookup()
            .build());
    fields.add(
        field("IsDeleted", FieldType.BOOLEAN).label("Deleted").required().readOnly().build());
    for (FieldBuilder b : own) {
      fields.add(b.build());
    }
    fields.add(
        field("CreatedDate", FieldType.DATETIME)
            .label("Created Date")
            .required()
            .readOnly()
            .build());
    fields.add(
        reference("CreatedById", "CreatedBy", "User")
            .label("Created By ID")
            .required()
            .readOnly()
            .build());
    fields.add(
        field("LastModifiedDate", FieldType.DATETIME)
            .label("Last Modified Date")
            .required()
            .readOnly()
            .build());
    fields.add(
        reference("LastModifiedById", "LastModifiedBy", "User")
            .label("Last Modified By ID")
            .required()
            .readOnly()
            .build());
    fields.add(
        field("SystemModstamp", FieldType.DATETIME)
            .label("System Modstamp")
            .required()
            .readOnly()
            .build());
    return fields;
  }

  private static SObjectType organization() {
    return new SObjectType(
        "Organization",
        "Organization",
        "Organizations",
        "00D",
        "organization",
        0,
        Set.of(DESCRIBE_SOBJECTS, QUERY, RETRIEVE),
        withAudit(
            "Organization ID",
            text("Name", 80).label("Name").required().readOnly().nameField(),
            text("InstanceName", 5).label("Instance Name").readOnly(),
            field("IsSandbox", FieldType.BOOLEAN).label("Is Sandbox").readOnly(),
            text("NamespacePrefix", 15).label("Namespace Prefix").readOnly(),
            picklist(
                    "OrganizationType",
                    "Developer Edition",
                    "Enterprise Edition",
                    "Unlimited Edition")
                .label("Edition")
                .readOnly(),
            field("TrialExpirationDate", FieldType.DATETIME)
                .label("Trial Expiration Date")
                .readOnly()),
        null);
  }

  private static SObjectType user() {
    return new SObjectType(
        "User",
        "User",
        "Users",
        "005",
        "users",
        0,
        Set.of(CREATE, DESCRIBE_SOBJECTS, QUERY, RETRIEVE, SEARCH, UPDATE, UPSERT, GET_UPDATED),
        withAudit(
            "User ID",
            text("Username", 80).label("Username").required().idLookup().unique(),
            text("FirstName", 40).label("First Name"),
            text("LastName", 80).label("Last Name").required(),
            text("Name", 121).label("Full Name").readOnly().nameField(),
            field("Email", FieldType.EMAIL).length(128).label("Email").required(),
            text("Alias", 8).label("Alias"),
            field("IsActive", FieldType.BOOLEAN).label("Active").defaultValue("true"),
            picklist("UserType", "Standard", "AutomatedProcess").label("User Type").readOnly()),
        null);
  }

  private static SObjectType messagingChannel() {
    return new SObjectType(
        "MessagingChannel",
        "Messaging Channel",
        "Messaging Channels",
        "0Mj",
        "messaging_channel",
        40.0,
        Set.of(CREATE, DESCRIBE_SOBJECTS, QUERY, RETRIEVE, SEARCH, UPDATE, UPSERT),
        withAudit(
            "Messaging Channel ID",
            text("MasterLabel", 80).label("Channel Name").required().nameField(),
            text("DeveloperName", 80).label("Developer Name").required(),
            picklist("MessageType", StandardObjects.MESSAGE_TYPES).label("Type").required(),
            text("MessagingPlatformKey", 150).label("Messaging Platform Key").required().idLookup(),
            text("ChannelAddressIdentifier", 36)
                .label("Channel Address Identifier")
                .since(59.0)
                .readOnly(),
            field("IsActive", FieldType.BOOLEAN).label("Active").required().defaultValue("false"),
            picklist("PlatformType", "Standard", "Enhanced")
                .label("Platform Type")
                .defaultValue("Standard")
                .createOnly(),
            picklist("ConsentType", ConsentType.values())
                .label("Consent Type")
                .defaultValue(ConsentType.IMPLICIT_OPT_IN.value()),
            picklist("RoutingType", "OmniQueue", "OmniSkills")
                .label("Routing Type")
                .defaultValue("OmniQueue"),
            text("IsoCountryCode", 2).label("ISO Country Code").createOnly()),
        null);
  }

  private static SObjectType messagingEndUser() {
    return new SObjectType(
        "MessagingEndUser",
        "Messaging User",
        "Messaging Users",
        "0PA",
        "messaging_end_user",
        40.0,
        ALL_CALLS,
        withAudit(
            "Messaging User ID",
            text("Name", 255).label("Messaging User Name").required().nameField(),
            reference("MessagingChannelId", "MessagingChannel", "MessagingChannel")
                .label("Messaging Channel ID")
                .required()
                .createOnly()
                .childRelationship("MessagingEndUsers"),
            text("MessagingPlatformKey", 255)
                .label("Messaging Platform Key")
                .required()
                .createOnly(),
            picklist("MessageType", StandardObjects.MESSAGE_TYPES)
                .label("Message Type")
                .required()
                .createOnly(),
            picklist("MessagingConsentStatus", ConsentStatus.values())
                .label("Messaging Consent Status")
                .defaultValue(ConsentStatus.IMPLICITLY_OPTED_IN.value())
                .since(48.0),
            field("HasInitialResponseSent", FieldType.BOOLEAN)
                .label("Has Initial Response Been Sent")
                .required()
                .defaultValue("false"),
            field("IsFullyOptedIn", FieldType.BOOLEAN)
                .label("Opted In")
                .required()
                .readOnly()
                .since(48.0),
            reference("AccountId", "Account", "Account")
                .label("Account ID")
                .since(43.0)
                .childRelationship("MessagingEndUsers"),
            reference("ContactId", "Contact", "Contact")
                .label("Contact ID")
                .since(43.0)
                .childRelationship("MessagingEndUsers"),
            reference("LeadId", "Lead", "Lead")
                .label("Lead ID")
                .childRelationship("MessagingEndUsers"),
            reference("OwnerId", "Owner", "Group", "User").label("Owner ID").required(),
            text("IsoCountryCode", 2).label("ISO Country Code").createOnly(),
            text("Locale", 20).label("Locale").createOnly(),
            field("ProfilePictureUrl", FieldType.URL)
                .length(1000)
                .label("Profile Picture URL")
                .createOnly()),
        null);
  }

  private static SObjectType messagingSession() {
    return new SObjectType(
        "MessagingSession",
        "Messaging Session",
        "Messaging Sessions",
        "0Mw",
        "messaging_session",
        47.0,
        ALL_CALLS,
        withAudit(
            "Messaging Session ID",
            text("Name", 255).label("Messaging Session Name").required().nameField().autoNumber(),
            picklist("Status", SessionStatus.values())
                .label("Status")
                .required()
                .defaultValue(SessionStatus.NEW.value())
                .createOnly(),
            picklist(
                    "Origin",
                    "AgentInitiated",
                    "ConversationClose",
                    "ConversationControlLost",
                    "Help",
                    "InboundInitiated",
                    "OptIn",
                    "OptOut",
                    "TriggeredOutbound")
                .label("Origin")
                .required()
                .defaultValue("InboundInitiated")
                .createOnly(),
            picklist("AgentType", "Agent", "Bot", "BotToAgent", "System")
                .label("Agent Type")
                .createOnly(),
            picklist("EndedByType", "Agent", "Bot", "EndUser", "System")
                .label("Ended By Type")
                .createOnly(),
            picklist(
                    "ChannelType",
                    "Alexa",
                    "AppleBusinessChat",
                    "EmbeddedMessaging",
                    "Facebook",
                    "GoogleHome",
                    "Line",
                    "Omega",
                    "Phone",
                    "Text",
                    "Voice",
                    "WeChat",
                    "WebChat",
                    "WhatsApp")
                .label("Channel Type")
                .readOnly(),
            reference("MessagingEndUserId", "MessagingEndUser", "MessagingEndUser")
                .label("Messaging User ID")
                .required()
                .createOnly()
                .childRelationship("MessagingSessions"),
            reference("MessagingChannelId", "MessagingChannel", "MessagingChannel")
                .label("Messaging Channel ID")
                .required()
                .createOnly()
                .childRelationship("MessagingSessions"),
            field("StartTime", FieldType.DATETIME).label("Start Time").createOnly(),
            field("EndTime", FieldType.DATETIME).label("End Time").createOnly(),
            field("AcceptTime", FieldType.DATETIME).label("Accept Time"),
            reference("CaseId", "Case", "Case")
                .label("Case ID")
                .childRelationship("MessagingSessions"),
            reference("LeadId", "Lead", "Lead")
                .label("Lead ID")
                .childRelationship("MessagingSessions"),
            reference("OwnerId", "Owner", "Group", "User").label("Owner ID").required(),
            reference("TargetUserId", "TargetUser", "User").label("User ID"),
            reference("ConversationId", "Conversation", "Conversation")
                .label("Conversation ID")
                .createOnly(),
            reference("EndUserAccountId", "EndUserAccount", "Account")
                .label("Account ID")
                .readOnly(),
            reference("EndUserContactId", "EndUserContact", "Contact")
                .label("Contact ID")
                .readOnly(),
            text("ChannelName", 255).label("Channel Name").readOnly(),
            text("ChannelKey", 255).label("Channel Key").readOnly(),
            text("SessionKey", 255).label("Session Key").createOnly(),
            field("AgentMessageCount", FieldType.INT).label("Agent Message Count").readOnly(),
            field("EndUserMessageCount", FieldType.INT).label("End User Message Count").readOnly()),
        "MS-{0000000000}");
  }

  private static SObjectType conversationEntry() {
    return new SObjectType(
        "ConversationEntry",
        "Conversation Entry",
        "Conversation Entries",
        "0Zy",
        "conversation_entry",
        43.0,
        Set.of(CREATE, DELETE, DESCRIBE_SOBJECTS, QUERY, RETRIEVE, UPDATE, UPSERT),
        withAudit(
            "Conversation Entry ID",
            reference("ConversationId", "Conversation", "MessagingSession")
                .label("Conversation ID")
                .required()
                .createOnly()
                .childRelationship("ConversationEntries"),
            field("Seq", FieldType.INT)
                .label("Sequence")
                .required()
                .createOnly()
                .sequenceWithin("ConversationId"),
            field("EntryTime", FieldType.DATETIME)
                .label("Entry Start Time")
                .required()
                .createOnly(),
            field("EntryTimeMilliSecs", FieldType.INT)
                .label("Entry Time Milli Seconds(last 3 digits)")
                .createOnly(),
            picklist("EntryType", EntryType.values())
                .length(40)
                .label("Entry Type")
                .required()
                .createOnly(),
            picklist("ActorType", ActorType.values())
                .length(40)
                .label("Actor Type")
                .required()
                .createOnly(),
            reference(
                    "ActorId",
                    "Actor",
                    "BotDefinition",
                    "LiveChatVisitor",
                    "MessagingEndUser",
                    "User")
                .label("Actor ID")
                .createOnly(),
            text("ActorName", 650).label("Actor Name").createOnly(),
            field("Message", FieldType.TEXTAREA).length(131072).label("Message").createOnly(),
            text("MessageIdentifier", 36).label("Message ID").createOnly(),
            picklist("MessageStatus", MessageStatus.values())
                .length(40)
                .label("Message Status")
                .createOnly(),
            text("MessageStatusCode", 25).label("Message Status Code"),
            field("MessageSendTime", FieldType.DATETIME).label("Message Send Time").createOnly(),
            field("MessageDeliverTime", FieldType.DATETIME)
                .label("Message Deliver Time")
                .createOnly(),
            field("MessageReadTime", FieldType.DATETIME).label("Message Read Time").createOnly(),
            field("EntryEndTime", FieldType.DATETIME)
                .label("Entry End Time")
                .createOnly()
                .since(48.0),
            field("HasAttachments", FieldType.BOOLEAN)
                .label("Has Attachments")
                .required()
                .defaultValue("false")
                .createOnly(),
            field("ClientTimestamp", FieldType.DATETIME)
                .label("ClientTimestamp")
                .createOnly()
                .since(51.0),
            field("ClientDuration", FieldType.INT).label("ClientDuration").createOnly().since(51.0),
            field("ServerReceivedTimestamp", FieldType.DATETIME)
                .label("ServerReceivedTimestamp")
                .createOnly()),
        null);
  }

  private static SObjectType convMessageSendRequest() {
    return new SObjectType(
        "ConvMessageSendRequest",
        "Conversation Message Send Request",
        "Conversation Message Send Requests",
        "1sr",
        "conv_message_send_request",
        60.0,
        Set.of(DESCRIBE_SOBJECTS, GET_DELETED, GET_UPDATED, QUERY, RETRIEVE),
        withAudit(
            "Conversation Message Send Request ID",
            text("Name", 255)
                .label("Conversation Message Send Request Name")
                .required()
                .nameField()
                .autoNumber(),
            picklist("RequestType", "SendNotificationMessages")
                .label("Request Type")
                .required()
                .readOnly(),
            picklist("RequestStatus", RequestStatus.values())
                .valueLabel(RequestStatus.IN_PROGRESS.value(), "In Progress")
                .label("Request Status")
                .required()
                .readOnly(),
            text("MessageDefinition", 255).label("Message Definition").required().readOnly(),
            field("MessageDefinitionParameters", FieldType.TEXTAREA)
                .length(8000)
                .label("Message Definition Parameters")
                .readOnly()
                .since(65.0),
            picklist("AllowExistingSessionStatus", "Any", "Closed", "NonActive")
                .label("Allow Existing Session Status")
                .required()
                .readOnly(),
            picklist("RequestConsentType", "CommunicationSubscription", "MessagingEndUser")
                .label("Type of Channel Consent to Enforce")
                .readOnly(),
            reference("CommSubscriptionId", "CommSubscription", "CommSubscription")
                .label("Communication Subscription ID")
                .readOnly()
                .since(62.0),
            field("ShouldEnforceChannelConsent", FieldType.BOOLEAN)
                .label("Should Enforce Channel Consent")
                .required()
                .readOnly(),
            picklist(
                    "SessionLongevityPreference",
                    "KeepSessionOpen",
                    "EndSession",
                    "KeepSessionOpenOrAppend")
                .label("Messaging Session Longevity")
                .readOnly(),
            field("TotalMessageCount", FieldType.INT).label("Total Message Count").readOnly(),
            field("SuccessMessageCount", FieldType.INT).label("Success Message Count").readOnly(),
            field("FailedMessageCount", FieldType.INT)
                .label("Failed Message Count")
                .defaultValue("0")
                .readOnly(),
            field("PendingMessageCount", FieldType.INT)
                .label("Pending Message Count")
                .required()
                .readOnly(),
            field("InProgressMessageCount", FieldType.INT)
                .label("In Progress Message Count")
                .required()
                .readOnly(),
            field("SuccessMessageIdentifiers", FieldType.TEXTAREA)
                .length(4000)
                .label("Success Message Identifiers")
                .readOnly(),
            field("FailedMessageIdentifiers", FieldType.TEXTAREA)
                .length(4000)
                .label("Failed Message Identifiers")
                .readOnly(),
            field("PendingMessageIdentifiers", FieldType.TEXTAREA)
                .length(4000)
                .label("Pending Message Identifiers")
                .readOnly(),
            text("InProgressMessageIdentifiers", 255)
                .label("In Progress Message Identifiers")
                .readOnly(),
            field("FailedMessageErrorReasons", FieldType.TEXTAREA)
                .length(700)
                .label("Failed Message Error Reasons")
                .readOnly(),
            field("SuccessMeuPlatformKeys", FieldType.TEXTAREA)
                .length(8000)
                .label("Success Message Platform Keys")
                .readOnly()
                .since(65.0),
            field("FailedMeuPlatformKeys", FieldType.TEXTAREA)
                .length(8000)
                .label("Failed Message Platform Keys")
                .readOnly()
                .since(65.0),
            field("PendingMeuPlatformKeys", FieldType.TEXTAREA)
                .length(8000)
                .label("Pending Message Platform Keys")
                .readOnly()
                .since(65.0),
            text("InProgressMeuPlatformKeys", 255)
                .label("In Progress Message Platform Keys")
                .readOnly()
                .since(65.0),
            field("PendingMessagingEndUserIds", FieldType.TEXTAREA)
                .length(4000)
                .label("Pending Messaging User Ids")
                .readOnly()
                .since(65.0),
            text("InProgressMessagingEndUserIds", 255)
                .label("In Progress Messaging User Ids")
                .readOnly()
                .since(65.0),
            text("InProgressMessagingSessionIds", 255)
                .label("In Progress Messaging Session Ids")
                .readOnly()
                .since(65.0),
            field("CompletedDate", FieldType.DATETIME).label("Completed Date").readOnly()),
        "MSJ-{00000000}");
  }
}
