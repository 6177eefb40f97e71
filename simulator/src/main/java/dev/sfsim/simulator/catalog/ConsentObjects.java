package dev.sfsim.simulator.catalog;

import static dev.sfsim.simulator.catalog.FieldBuilder.field;
import static dev.sfsim.simulator.catalog.FieldBuilder.picklist;
import static dev.sfsim.simulator.catalog.FieldBuilder.reference;
import static dev.sfsim.simulator.catalog.FieldBuilder.text;
import static dev.sfsim.simulator.catalog.StandardObjects.ALL_CALLS;
import static dev.sfsim.simulator.catalog.StandardObjects.withAudit;

/**
 * Communication-subscription consent (CommSubscription, CommSubscriptionChannelType,
 * CommSubscriptionConsent, Object Reference v48.0+) and the MessagingDeliveryError log (v44.0+),
 * reduced to the fields the messaging engine and its users read. Key prefixes are the simulator's
 * choice (Salesforce does not publish them): {@code 0Xs} CommSubscription, {@code 0Xt}
 * CommSubscriptionChannelType, {@code 0Xc} CommSubscriptionConsent, {@code 0Md}
 * MessagingDeliveryError. CommSubscriptionConsent.ContactPointId may name a MessagingEndUser: that
 * is how a recipient's consent to a subscription is recorded here.
 */
final class ConsentObjects {
  private ConsentObjects() {}

  static SObjectType commSubscription() {
    return new SObjectType(
        "CommSubscription",
        "Communication Subscription",
        "Communication Subscriptions",
        "0Xs",
        "comm_subscription",
        48.0,
        ALL_CALLS,
        withAudit(
            "Communication Subscription ID",
            text("Name", 255).label("Name").required(),
            text("DataUsePurposeId", 18).label("Data Use Purpose ID")),
        null);
  }

  static SObjectType commSubscriptionChannelType() {
    return new SObjectType(
        "CommSubscriptionChannelType",
        "Communication Subscription Channel Type",
        "Communication Subscription Channel Types",
        "0Xt",
        "comm_subscription_channel_type",
        48.0,
        ALL_CALLS,
        withAudit(
            "Communication Subscription Channel Type ID",
            text("Name", 255).label("Name").required(),
            reference(
                    "CommunicationSubscriptionId", "CommunicationSubscription", "CommSubscription")
                .label("Communication Subscription ID")
                .required(),
            text("EngagementChannelTypeId", 18).label("Engagement Channel Type ID")),
        null);
  }

  static SObjectType commSubscriptionConsent() {
    return new SObjectType(
        "CommSubscriptionConsent",
        "Communication Subscription Consent",
        "Communication Subscription Consents",
        "0Xc",
        "comm_subscription_consent",
        48.0,
        ALL_CALLS,
        withAudit(
            "Communication Subscription Consent ID",
            text("Name", 255).label("Name").required(),
            reference(
                    "CommSubscriptionChannelTypeId",
                    "CommSubscriptionChannelType",
                    "CommSubscriptionChannelType")
                .label("Communication Subscription Channel Type ID")
                .required(),
            reference("ContactPointId", "ContactPoint", "MessagingEndUser")
                .label("Contact Point ID")
                .required(),
            field("ConsentCapturedDateTime", FieldType.DATETIME)
                .label("Consent Captured Date Time")
                .required(),
            text("ConsentCapturedSource", 255).label("Consent Captured Source").required(),
            picklist("PrivacyConsentStatus", "NotSeen", "Seen", "OptIn", "OptOut")
                .label("Privacy Consent Status")
                .defaultValue("OptIn"),
            field("EffectiveFromDate", FieldType.DATE).label("Effective From"),
            field("EffectiveToDate", FieldType.DATE).label("Effective To")),
        null);
  }

  static SObjectType messagingDeliveryError() {
    return new SObjectType(
        "MessagingDeliveryError",
        "Messaging Delivery Error",
        "Messaging Delivery Errors",
        "0Md",
        "messaging_delivery_error",
        44.0,
        ALL_CALLS,
        withAudit(
            "Messaging Delivery Error ID",
            text("Name", 255).label("Messaging Delivery Error Name").readOnly(),
            picklist("Type", "Error", "Warning").label("Type").defaultValue("Error"),
            field("FailureReason", FieldType.TEXTAREA).length(65536).label("Error"),
            field("FullMessage", FieldType.TEXTAREA).length(65536).label("Message"),
            text("DestinationPhoneNumber", 64).label("Recipient Phone"),
            text("FlowEntity", 18).label("Source Record ID"),
            reference("MessagingChannelId", "MessagingChannel", "MessagingChannel")
                .label("Messaging Channel ID"),
            reference("MessagingEndUserId", "MessagingEndUser", "MessagingEndUser")
                .label("Messaging User ID"),
            text("MessagingTemplateId", 18).label("Messaging Template ID")),
        "MDE-{0000000000}");
  }
}
