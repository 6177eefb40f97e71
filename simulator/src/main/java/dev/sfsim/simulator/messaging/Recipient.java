package dev.sfsim.simulator.messaging;

/**
 * A message's end user with its channel, as the send rules read them.
 *
 * @param id MessagingEndUser id
 * @param platformKey the end user's MessagingPlatformKey
 * @param messageType the end user's MessageType
 * @param consentStatus MessagingConsentStatus
 * @param channelId MessagingChannel id
 * @param channelActive MessagingChannel.IsActive
 * @param channelConsentType MessagingChannel.ConsentType
 * @param channelMessageType MessagingChannel.MessageType
 * @param channelPlatformType MessagingChannel.PlatformType ({@code Standard} or {@code Enhanced})
 */
public record Recipient(
    String id,
    String platformKey,
    String messageType,
    String consentStatus,
    String channelId,
    boolean channelActive,
    String channelConsentType,
    String channelMessageType,
    String channelPlatformType) {}
