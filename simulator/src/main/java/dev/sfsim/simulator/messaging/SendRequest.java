package dev.sfsim.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a ConvMessageSendRequest the dispatcher needs to send its messages.
 *
 * @param id                    18-character request id
 * @param messageDefinition     component developer name
 * @param createdById           the invoking user, owner of the sessions it creates
 * @param allowedSessionStatus  {@code Any}, {@code NonActive} or {@code Closed}
 * @param enforceConsent        ShouldEnforceChannelConsent
 * @param consentType           RequestConsentType ({@code MessagingEndUser}, {@code CommunicationSubscription}) or null (Custom)
 * @param sessionLongevity      SessionLongevityPreference
 * @param parameters            the invocation's parameter objects
 */
public record SendRequest(String id, String messageDefinition, String createdById, String allowedSessionStatus,
                   boolean enforceConsent, String consentType, String sessionLongevity, JsonNode parameters) {}
