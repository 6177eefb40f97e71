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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one accepted invocation: the ConvMessageSendRequest ({@code Pending}, every recipient pending,
 * Name {@code MSJ-00000001}...) and one message per recipient with a fresh UUID, in the caller's transaction
 * ({@code messaging-behaviour.md} section 1).
 */
public final class RequestWriter {
    private final RecordRepository records;
    private final SObjectType requestType;

    public RequestWriter(Catalog catalog, RecordRepository records) {
        this.records = records;
        this.requestType = catalog.find("ConvMessageSendRequest").orElseThrow();
    }

    /**
     * A validated invocation.
     *
     * @param messageDefinitionName component developer name
     * @param endUserIds            18-character MessagingEndUser ids, in input order
     * @param allowedSessionStatus  {@code Any}, {@code NonActive} or {@code Closed}
     * @param enforceConsent        isEnforceMessagingChannelConsent
     * @param consentType           {@code MessagingEndUser}, {@code CommunicationSubscription}, or null for Custom
     * @param parameters            the {@code messagingDefinitionInputParameters} array as given
     * @param callerId              the invoking user's id
     */
    public record NewRequest(String messageDefinitionName, List<String> endUserIds, String allowedSessionStatus,
                             boolean enforceConsent, String consentType, JsonNode parameters, String callerId) {}

    /** The written request's id and its message identifiers, in recipient order. */
    public record Written(String requestId, List<UUID> messageIdentifiers) {}

    /** @param pickupDelay how long the request stays {@code Pending} before the dispatcher may take it up */
    public Written write(Handle h, NewRequest r, Instant now, Duration pickupDelay) {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        v.put("RequestType", TextNode.valueOf("SendNotificationMessages"));
        v.put("RequestStatus", TextNode.valueOf("Pending"));
        v.put("MessageDefinition", TextNode.valueOf(r.messageDefinitionName()));
        v.put("AllowExistingSessionStatus", TextNode.valueOf(r.allowedSessionStatus()));
        v.put("RequestConsentType", r.consentType() == null ? NullNode.instance : TextNode.valueOf(r.consentType()));
        v.put("ShouldEnforceChannelConsent", BooleanNode.valueOf(r.enforceConsent()));
        v.put("SessionLongevityPreference", TextNode.valueOf("KeepSessionOpen"));
        v.put("TotalMessageCount", IntNode.valueOf(r.endUserIds().size()));
        v.put("PendingMessageCount", IntNode.valueOf(r.endUserIds().size()));
        v.put("InProgressMessageCount", IntNode.valueOf(0));
        String requestId = records.insert(h, requestType, v, WriteMode.SYSTEM, r.callerId(), now);
        h.createUpdate("UPDATE conv_message_send_request SET sfsim_parameters = CAST(:p AS jsonb), sfsim_due_at = :due WHERE id = :id")
                .bind("p", r.parameters().toString()).bind("due", now.plus(pickupDelay)).bind("id", requestId).execute();
        List<UUID> ids = new ArrayList<>();
        var batch = h.prepareBatch("""
                INSERT INTO conv_message (message_identifier, request_id, position, messaging_end_user_id, status)
                VALUES (:mid, :req, :pos, :meu, 'Pending')""");
        for (int i = 0; i < r.endUserIds().size(); i++) {
            UUID mid = UUID.randomUUID();
            ids.add(mid);
            batch.bind("mid", mid).bind("req", requestId).bind("pos", i).bind("meu", r.endUserIds().get(i)).add();
        }
        batch.execute();
        RequestCounts.recompute(h, requestId, now);
        return new Written(requestId, ids);
    }
}
