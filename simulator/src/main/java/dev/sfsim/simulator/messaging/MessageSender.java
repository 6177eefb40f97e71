package dev.sfsim.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Attempts one message inside the dispatcher's transaction: applies {@link SendRules}, then sends it — a
 * MessagingSession (Origin {@code TriggeredOutbound}, AgentType {@code System}, ChannelType from the channel, Status
 * per SessionLongevityPreference), a ConversationEntry (EntryType {@code Text}, ActorType {@code System},
 * MessageStatus {@code Sent}, MessageIdentifier = the message's UUID) and an outbox entry with the rendered text
 * ({@code messaging-behaviour.md} section 2, step 5).
 */
final class MessageSender {
    private MessageSender() {}

    /** Channel MessageType values that are also MessagingSession ChannelType values. */
    private static final Set<String> SESSION_CHANNEL_TYPES =
            Set.of("AppleBusinessChat", "EmbeddedMessaging", "Facebook", "Phone", "Text", "Voice", "WhatsApp");


    /** The outcome of one attempt. */
    sealed interface Outcome {
        record Sent(String sessionId) implements Outcome {}
        record Failed(String reason) implements Outcome {}
        /** Held by session gating: stays pending and is looked at again later. */
        record Held() implements Outcome {}
    }

    static Outcome attempt(MessagingTransaction tx, SendRequest req, UUID messageIdentifier, String endUserId, Instant now) {
        Optional<Recipient> recipient = tx.recipient(endUserId);
        Optional<String> failure = SendRules.failure(req, recipient);
        if (failure.isPresent()) return new Outcome.Failed(failure.get());
        Recipient r = recipient.get();
        if (SessionGate.holds(tx, req.allowedSessionStatus(), r.id())) return new Outcome.Held();
        Optional<MessagingComponent> component = tx.component(req.messageDefinition());
        if (component.isEmpty()) return new Outcome.Failed("MessagingComponentNotFound");
        String text = Templates.render(component.get().text(), req.parameters());
        String sessionId = session(tx, req, r, now);
        entry(tx, req, sessionId, messageIdentifier, r, text, now);
        tx.insertOutbox(new OutboxEntry(messageIdentifier, req.id(), r.id(), r.platformKey(), r.channelId(),
                r.messageType(), sessionId, req.messageDefinition(), text, now));
        return new Outcome.Sent(sessionId);
    }

    private static String session(MessagingTransaction tx, SendRequest req, Recipient r, Instant now) {
        if ("KeepSessionOpenOrAppend".equals(req.sessionLongevity())) {
            Optional<String> open = tx.newestNewSession(r.id());
            if (open.isPresent()) return open.get();
        }
        boolean end = "EndSession".equals(req.sessionLongevity());
        Map<String, JsonNode> v = new LinkedHashMap<>();
        v.put("Status", TextNode.valueOf(end ? "Ended" : "New"));
        v.put("Origin", TextNode.valueOf("TriggeredOutbound"));
        v.put("AgentType", TextNode.valueOf("System"));
        v.put("ChannelType", SESSION_CHANNEL_TYPES.contains(r.channelMessageType()) ? TextNode.valueOf(r.channelMessageType()) : NullNode.instance);
        v.put("MessagingEndUserId", TextNode.valueOf(r.id()));
        v.put("MessagingChannelId", TextNode.valueOf(r.channelId()));
        v.put("OwnerId", TextNode.valueOf(req.createdById()));
        v.put("StartTime", TextNode.valueOf(now.toString()));
        if (end) {
            v.put("EndTime", TextNode.valueOf(now.toString()));
            v.put("EndedByType", TextNode.valueOf("System"));
        }
        v.put("AgentMessageCount", IntNode.valueOf(1));
        v.put("EndUserMessageCount", IntNode.valueOf(0));
        return tx.insertRecord("MessagingSession", v, req.createdById(), now);
    }

    private static void entry(MessagingTransaction tx, SendRequest req, String sessionId, UUID messageIdentifier, Recipient r,
                              String text, Instant now) {
        int seq = tx.nextEntrySeq(sessionId);
        Map<String, JsonNode> v = new LinkedHashMap<>();
        v.put("ConversationId", TextNode.valueOf(sessionId));
        v.put("Seq", IntNode.valueOf(seq));
        v.put("EntryTime", TextNode.valueOf(now.toString()));
        v.put("EntryTimeMilliSecs", IntNode.valueOf((int) (now.toEpochMilli() % 1000)));
        v.put("EntryType", TextNode.valueOf("Text"));
        v.put("ActorType", TextNode.valueOf("System"));
        v.put("ActorName", TextNode.valueOf("System"));
        // Enhanced channels keep the text out of ConversationEntry.Message (messaging-behaviour.md section 3).
        v.put("Message", "Enhanced".equals(r.channelPlatformType()) ? NullNode.instance : TextNode.valueOf(text));
        v.put("MessageIdentifier", TextNode.valueOf(messageIdentifier.toString()));
        v.put("MessageStatus", TextNode.valueOf("Sent"));
        v.put("MessageSendTime", TextNode.valueOf(now.toString()));
        v.put("HasAttachments", BooleanNode.FALSE);
        tx.insertRecord("ConversationEntry", v, req.createdById(), now);
    }
}
