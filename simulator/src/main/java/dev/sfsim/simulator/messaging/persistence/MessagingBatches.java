package dev.sfsim.simulator.messaging.persistence;

import dev.sfsim.simulator.messaging.MessagingTransaction.DeliveryError;
import dev.sfsim.simulator.messaging.MessagingTransaction.MessageUpdate;
import dev.sfsim.simulator.messaging.MessagingTransaction.NewEntry;
import dev.sfsim.simulator.messaging.MessagingTransaction.NewSession;
import dev.sfsim.simulator.messaging.OutboxEntry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * The dispatcher's multi-row writes: one JDBC batch per table and call (fixed SQL, columns of
 * V1/V3).
 */
public final class MessagingBatches {
  private MessagingBatches() {}

  /**
   * ConversationEntry columns, in this order, for both conversation_entry and
   * conversation_entry_held.
   */
  static final String ENTRY_COLUMNS =
      """
            id, conversation_id, seq, entry_time, entry_time_milli_secs, entry_type, actor_type,
                actor_id, actor_name, message,
            message_identifier, message_status, message_status_code, message_send_time,
                message_deliver_time, message_read_time,
            entry_end_time, has_attachments, is_deleted, created_date, created_by_id,
                last_modified_date, last_modified_by_id,
            system_modstamp, client_timestamp, client_duration, server_received_timestamp""";

  static void sessions(Handle h, List<NewSession> sessions) {
    PreparedBatch b =
        h.prepareBatch(
            """
                INSERT INTO messaging_session (id, name, status, origin, agent_type, ended_by_type,
                    channel_type, messaging_end_user_id,
                    messaging_channel_id, start_time, end_time, owner_id, agent_message_count,
                        end_user_message_count, sfsim_expires_at,
                    created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp)
                VALUES (:id, :name, :status, :origin, :agentType, :endedBy, :channelType, :endUser,
                    :channel, :now, :endTime, :owner,
                    :agentCount, :endUserCount, :expires, :now, :owner, :now, :owner, :now)""");
    for (NewSession s : sessions) {
      boolean ended = "Ended".equals(s.status());
      boolean inbound = "InboundInitiated".equals(s.origin());
      b.bind("id", s.id())
          .bind("name", s.name())
          .bind("status", s.status())
          .bind("origin", s.origin())
          .bind("agentType", inbound ? null : "System")
          .bind("endedBy", ended ? "System" : null)
          .bind("channelType", s.channelType())
          .bind("endUser", s.endUserId())
          .bind("channel", s.channelId())
          .bind("now", ts(s.now()))
          .bind("endTime", ended ? ts(s.now()) : null)
          .bind("owner", s.ownerId())
          .bind("agentCount", s.agentMessages())
          .bind("endUserCount", s.endUserMessages())
          .bind("expires", ts(s.expiresAt()))
          .add();
    }
    b.execute();
  }

  /**
   * MessageSendTime, MessageDeliverTime and MessageReadTime stay null: the ConversationEntry
   * reference calls them unused and reserved. ServerReceivedTimestamp is the entry's time;
   * ClientDuration 0 (no client sets it).
   */
  static void entries(Handle h, List<NewEntry> entries, boolean held) {
    PreparedBatch b =
        h.prepareBatch(
            "INSERT INTO "
                + (held ? "conversation_entry_held" : "conversation_entry")
                + """
                 (id, conversation_id, seq, entry_time, entry_time_milli_secs, entry_type,
                     actor_type, actor_id, actor_name, message,
                    message_identifier, message_status, has_attachments, client_duration, server_received_timestamp,
                    created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp)
                VALUES (:id, :session, :seq, :now, :millis, :type, :actorType, :actorId, :actorName,
                    :message, :mid, :status,
                    false, 0, :now, :now, :user, :now, :user, :now)""");
    for (NewEntry e : entries) {
      b.bind("id", e.id())
          .bind("session", e.sessionId())
          .bind("seq", e.seq())
          .bind("now", ts(e.now()))
          .bind("millis", (int) (e.now().toEpochMilli() % 1000))
          .bind("type", e.entryType())
          .bind("actorType", e.actorType())
          .bind("actorId", e.actorId())
          .bind("actorName", e.actorName())
          .bind("message", e.message())
          .bind("mid", e.messageIdentifier())
          .bind("status", e.messageStatus())
          .bind("user", e.createdById())
          .add();
    }
    b.execute();
  }

  static void outbox(Handle h, List<OutboxEntry> entries) {
    PreparedBatch b =
        h.prepareBatch(
            """
                INSERT INTO outbox (message_identifier, request_id, messaging_end_user_id, messaging_platform_key,
                    messaging_channel_id, message_type, messaging_session_id,
                        message_definition_name, text, status, sent_at,
                    delivered_at, read_at)
                VALUES (:mid, :req, :meu, :key, :channel, :type, :session, :def, :text, :status,
                    :sentAt, :deliveredAt, :readAt)""");
    for (OutboxEntry e : entries) {
      b.bind("mid", e.messageIdentifier())
          .bind("req", e.requestId())
          .bind("meu", e.messagingEndUserId())
          .bind("key", e.messagingPlatformKey())
          .bind("channel", e.messagingChannelId())
          .bind("type", e.messageType())
          .bind("session", e.messagingSessionId())
          .bind("def", e.messageDefinitionName())
          .bind("text", e.text())
          .bind("sentAt", ts(e.sentAt()))
          .bind("status", e.status())
          .bind("deliveredAt", e.status().equals("Sent") ? null : ts(e.sentAt()))
          .bind("readAt", e.status().equals("Read") ? ts(e.sentAt()) : null)
          .add();
    }
    b.execute();
  }

  /**
   * One UPDATE for all messages: the new values travel as arrays and are joined back by identifier.
   */
  static void messages(Handle h, List<MessageUpdate> updates) {
    int n = updates.size();
    String[] ids = new String[n];
    String[] status = new String[n],
        reason = new String[n],
        session = new String[n],
        code = new String[n],
        codeReason = new String[n];
    String[] due = new String[n], deliver = new String[n], read = new String[n];
    Integer[] transientFailures = new Integer[n];
    Boolean[] delayed = new Boolean[n];
    for (int i = 0; i < n; i++) {
      MessageUpdate u = updates.get(i);
      ids[i] = u.messageIdentifier().toString();
      status[i] = u.status();
      reason[i] = u.failureReason();
      session[i] = u.sessionId();
      due[i] = iso(u.dueAt());
      transientFailures[i] = u.transientFailures();
      delayed[i] = u.delayed();
      deliver[i] = iso(u.deliverDueAt());
      read[i] = iso(u.readDueAt());
      code[i] = u.undeliverableCode();
      codeReason[i] = u.undeliverableReason();
    }
    h.createUpdate(
            """
                        UPDATE conv_message m SET status = v.status, failure_reason = v.reason,
                            messaging_session_id = v.session,
                            due_at = CAST(v.due AS timestamptz), transient_failures =
                                v.transient_failures, delayed = v.delayed,
                            deliver_due_at = CAST(v.deliver AS timestamptz), read_due_at = CAST(v.read AS timestamptz),
                            undeliverable_code = v.code, undeliverable_reason = v.code_reason
                        FROM unnest(:ids, :status, :reason, :session, :due, :transient, :delayed,
                            :deliver, :read, :code, :codeReason)
                            AS v(id, status, reason, session, due, transient_failures, delayed,
                                deliver, read, code, code_reason)
                        WHERE m.message_identifier = CAST(v.id AS uuid)""")
        .bindArray("ids", String.class, (Object[]) ids)
        .bindArray("status", String.class, (Object[]) status)
        .bindArray("reason", String.class, (Object[]) reason)
        .bindArray("session", String.class, (Object[]) session)
        .bindArray("due", String.class, (Object[]) due)
        .bindArray("transient", Integer.class, (Object[]) transientFailures)
        .bindArray("delayed", Boolean.class, (Object[]) delayed)
        .bindArray("deliver", String.class, (Object[]) deliver)
        .bindArray("read", String.class, (Object[]) read)
        .bindArray("code", String.class, (Object[]) code)
        .bindArray("codeReason", String.class, (Object[]) codeReason)
        .execute();
  }

  static void deliveryErrors(
      Handle h, List<String> ids, List<Long> numbers, List<DeliveryError> errors) {
    PreparedBatch b =
        h.prepareBatch(
            """
                INSERT INTO messaging_delivery_error (id, name, type, failure_reason, full_message,
                    destination_phone_number,
                    messaging_channel_id, messaging_end_user_id, created_date, created_by_id,
                        last_modified_date, last_modified_by_id,
                    system_modstamp)
                VALUES (:id, :name, 'Error', :reason, :full, :destination, :channel, :endUser, :now,
                    :user, :now, :user, :now)""");
    for (int i = 0; i < errors.size(); i++) {
      DeliveryError e = errors.get(i);
      b.bind("id", ids.get(i))
          .bind("name", String.format("MDE-%010d", numbers.get(i)))
          .bind("reason", e.failureReason())
          .bind("full", e.fullMessage())
          .bind("destination", e.destination())
          .bind("channel", e.channelId())
          .bind("endUser", e.endUserId())
          .bind("now", ts(e.now()))
          .bind("user", e.createdById())
          .add();
    }
    b.execute();
  }

  private static @Nullable String iso(@Nullable Instant i) {
    return i == null ? null : i.toString();
  }

  static @Nullable OffsetDateTime ts(@Nullable Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
