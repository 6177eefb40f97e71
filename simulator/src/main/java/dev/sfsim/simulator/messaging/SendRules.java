package dev.sfsim.simulator.messaging;

import java.util.Optional;

/**
 * Whether a message may be sent, in the order of {@code messaging-behaviour.md} section 2: the end user must
 * exist and its channel be active; then consent, when enforced for {@code MessagingEndUser} consent:
 * {@code OptedOut} always fails, an {@code ExplicitOptIn} channel needs {@code ExplicitlyOptedIn} or
 * {@code DoublyOptedIn}, a {@code DoubleOptIn} channel needs {@code DoublyOptedIn}. Pure: no I/O.
 */
final class SendRules {
    /** Failure reasons written to FailedMessageErrorReasons (our names where Salesforce's are unpublished). */
    static final String END_USER_NOT_FOUND = "InvalidMessagingEndUser";
    static final String CHANNEL_INACTIVE = "MessagingChannelInactive";
    static final String NOT_OPTED_IN = "EndUserIsNotOptedIn";

    private SendRules() {}

    /** The failure reason, or empty when the message may go out. */
    static Optional<String> failure(SendRequest request, Optional<Recipient> recipient) {
        if (recipient.isEmpty()) return Optional.of(END_USER_NOT_FOUND);
        Recipient r = recipient.get();
        if (!r.channelActive()) return Optional.of(CHANNEL_INACTIVE);
        if (request.enforceConsent() && "MessagingEndUser".equals(request.consentType()) && !consented(r)) {
            return Optional.of(NOT_OPTED_IN);
        }
        return Optional.empty();
    }

    private static boolean consented(Recipient r) {
        String status = r.consentStatus();
        if ("OptedOut".equals(status)) return false;
        return switch (r.channelConsentType() == null ? "ImplicitOptIn" : r.channelConsentType()) {
            case "ExplicitOptIn" -> "ExplicitlyOptedIn".equals(status) || "DoublyOptedIn".equals(status);
            case "DoubleOptIn" -> "DoublyOptedIn".equals(status);
            default -> true;
        };
    }
}
