package dev.sfsim.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a ConvMessageSendRequest the dispatcher needs to send its messages.
 *
 * @param id 18-character request id
 * @param messageDefinition component developer name
 * @param createdById the invoking user
 * @param allowedSessionStatus {@code Any}, {@code NonActive} or {@code Closed}
 * @param enforceConsent ShouldEnforceChannelConsent
 * @param consentType RequestConsentType ({@code MessagingEndUser}, {@code
 *     CommunicationSubscription}) or null (Custom)
 * @param commSubscriptionId CommSubscriptionId, with consent type {@code CommunicationSubscription}
 * @param sessionLongevity SessionLongevityPreference
 * @param parameters the invocation's parameter objects
 * @param queued whether the request waited for a free in-progress slot (then the Platform
 *     Integration User owns its sessions)
 */
public record SendRequest(
    String id,
    String messageDefinition,
    String createdById,
    String allowedSessionStatus,
    boolean enforceConsent,
    String consentType,
    String commSubscriptionId,
    String sessionLongevity,
    JsonNode parameters,
    boolean queued) {}
