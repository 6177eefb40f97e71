package dev.sfsim.simulator.messaging;

import dev.sfsim.simulator.catalog.ConsentStatus;
import dev.sfsim.simulator.catalog.ConsentType;
import dev.sfsim.simulator.catalog.MessageType;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a message may be sent, in the order of the README's "Messaging behaviour" rules: the end
 * user must exist and its channel be active; then consent, when enforced. {@code MessagingEndUser}
 * consent: {@code OptedOut} always fails, an {@code ExplicitOptIn} channel needs {@code
 * ExplicitlyOptedIn} or {@code DoublyOptedIn}, a {@code DoubleOptIn} channel needs {@code
 * DoublyOptedIn}. {@code CommunicationSubscription} consent: the end user needs an opted-in,
 * effective CommSubscriptionConsent for the subscription. Pure: no I/O.
 */
final class SendRules {
  /**
   * Failure reasons written to FailedMessageErrorReasons (our names where Salesforce's are
   * unpublished).
   */
  static final String END_USER_NOT_FOUND = "InvalidMessagingEndUser";

  static final String CHANNEL_INACTIVE = "MessagingChannelInactive";
  static final String NOT_OPTED_IN = "EndUserIsNotOptedIn";

  /**
   * WhatsApp sends templates only: a component without an approved external template cannot go out
   * there.
   */
  static final String TEMPLATE_REQUIRED = "ApprovedExternalTemplateRequired";

  private SendRules() {}

  /**
   * @param subscribed end users with consent to the request's subscription (only read for that
   *     consent type)
   * @param templateApproved whether the component's external template is approved (read for
   *     WhatsApp channels)
   * @return the failure reason, or empty when the message may go out
   */
  static Optional<String> failure(
      SendRequest request,
      @Nullable Recipient r,
      Set<String> subscribed,
      boolean templateApproved) {
    if (r == null) {
      return Optional.of(END_USER_NOT_FOUND);
    }
    if (!r.channelActive()) {
      return Optional.of(CHANNEL_INACTIVE);
    }
    if (!templateApproved && MessageType.WHATS_APP.value().equals(r.channelMessageType())) {
      return Optional.of(TEMPLATE_REQUIRED);
    }
    if (!request.enforceConsent()) {
      return Optional.empty();
    }
    if ("MessagingEndUser".equals(request.consentType()) && !consented(r)) {
      return Optional.of(NOT_OPTED_IN);
    }
    if ("CommunicationSubscription".equals(request.consentType()) && !subscribed.contains(r.id())) {
      return Optional.of(NOT_OPTED_IN);
    }
    return Optional.empty();
  }

  private static boolean consented(Recipient r) {
    ConsentStatus status = ConsentStatus.of(r.consentStatus()).orElse(null);
    if (status == ConsentStatus.OPTED_OUT) {
      return false;
    }
    return switch (ConsentType.of(r.channelConsentType()).orElse(ConsentType.IMPLICIT_OPT_IN)) {
      case EXPLICIT_OPT_IN ->
          status == ConsentStatus.EXPLICITLY_OPTED_IN || status == ConsentStatus.DOUBLY_OPTED_IN;
      case DOUBLE_OPT_IN -> status == ConsentStatus.DOUBLY_OPTED_IN;
      case IMPLICIT_OPT_IN -> true;
    };
  }
}
