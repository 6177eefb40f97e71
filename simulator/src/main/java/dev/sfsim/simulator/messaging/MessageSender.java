package dev.sfsim.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.sobject.RecordRepository;
import dev.sfsim.simulator.sobject.WriteMode;
import org.jdbi.v3.core.Handle;

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
    /** Channel MessageType values that are also MessagingSession ChannelType values. */
    private static final Set<String> SESSION_CHANNEL_TYPES =
            Set.of("AppleBusinessChat", "EmbeddedMessaging", "Facebook", "Phone", "Text", "Voice", "WhatsApp");

    private final RecordRepository records;
    private final ComponentRepository components;
    private final OutboxRepository outbox;
    private final SObjectType sessionType;
    private final SObjectType entryType;

    MessageSender(Catalog catalog, RecordRepository records, ComponentRepository components, OutboxRepository outbox) {
        this.records = records;
        this.components = components;
        this.outbox = outbox;
        this.sessionType = catalog.find("MessagingSession").orElseThrow();
        this.entryType = catalog.find("ConversationEntry").orElseThrow();
    }

    /** The outcome of one attempt. */
    sealed interface Outcome {
        record Sent(String sessionId) implements Outcome {}
        record Failed(String reason) implements Outcome {}
        /** Held by session gating: stays pending and is looked at again later. */
        record Held() implements Outcome {}
    }

    Outcome attempt(Handle h, SendRequest req, UUID messageIdentifier, String endUserId, Instant now) {
        Optional<Recipient> recipient = recipient(h, endUserId);
        Optional<String> failure = SendRules.failure(req, recipient);
        if (failure.isPresent()) return new Outcome.Failed(failure.get());
        Recipient r = recipient.get();
        if (SessionGate.holds(h, req.allowedSessionStatus(), r.id())) return new Outcome.Held();
        Optional<MessagingComponent> component = components.find(h, req.messageDefinition());
        if (component.isEmpty()) return new Outcome.Failed("MessagingComponentNotFound");
        String text = Templates.render(component.get().text(), req.parameters());
        String sessionId = session(h, req, r, now);
        entry(h, req, sessionId, messageIdentifier, r, text, now);
        outbox.insert(h, new OutboxRepository.Entry(messageIdentifier, req.id(), r.id(), r.platformKey(), r.channelId(),
                r.messageType(), sessionId, req.messageDefinition(), text, now));
        return new Outcome.Sent(sessionId);
    }

    private static Optional<Recipient> recipient(Handle h, String endUserId) {
        return h.createQuery("""
                        SELECT u.id, u.messaging_platform_key, u.message_type, u.messaging_consent_status, u.messaging_channel_id,
                               c.is_active, c.consent_type, c.message_type, c.platform_type
                        FROM messaging_end_user u JOIN messaging_channel c ON c.id = u.messaging_channel_id
                        WHERE u.id = :id AND NOT u.is_deleted AND NOT c.is_deleted""")
                .bind("id", endUserId)
                .map((rs, ctx) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .findOne();
    }

    private String session(Handle h, SendRequest req, Recipient r, Instant now) {
        if ("KeepSessionOpenOrAppend".equals(req.sessionLongevity())) {
            Optional<String> open = h.createQuery("""
                            SELECT id FROM messaging_session WHERE messaging_end_user_id = :id AND status = 'New' AND NOT is_deleted
                            ORDER BY created_date DESC LIMIT 1""")
                    .bind("id", r.id()).mapTo(String.class).findOne();
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
        return records.insert(h, sessionType, v, WriteMode.SYSTEM, req.createdById(), now);
    }

    private void entry(Handle h, SendRequest req, String sessionId, UUID messageIdentifier, Recipient r, String text, Instant now) {
        int seq = h.createQuery("SELECT coalesce(max(seq), 0) + 1 FROM conversation_entry WHERE conversation_id = :id")
                .bind("id", sessionId).mapTo(Integer.class).one();
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
        records.insert(h, entryType, v, WriteMode.SYSTEM, req.createdById(), now);
    }
}
