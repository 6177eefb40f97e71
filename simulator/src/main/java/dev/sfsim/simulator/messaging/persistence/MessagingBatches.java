package dev.sfsim.simulator.messaging.persistence;

import dev.sfsim.simulator.catalog.ActorType;
import dev.sfsim.simulator.catalog.MessageStatus;
import dev.sfsim.simulator.catalog.SessionStatus;
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
 * The dispatcher's multi-row writes: one statement per table and call, the rows travelling as one
 * array per column ({@code INSERT ... SELECT FROM unnest(...)}; fixed SQL, columns of V1/V3).
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
    Pipeline.run(h, sessionsPart(sessions));
  }

  static Pipeline.Part sessionsPart(List<NewSession> sessions) {
    // One cache per column: alternating instants would format every value again.
    Iso iso = new Iso();
    Iso isoExpires = new Iso();
    int n = sessions.size();
    String[] id = new String[n], name = new String[n], status = new String[n];
    String[] origin = new String[n], agentType = new String[n], endedBy = new String[n];
    String[] channelType = new String[n], endUser = new String[n], channel = new String[n];
    String[] now = new String[n], endTime = new String[n], owner = new String[n];
    String[] expires = new String[n];
    Integer[] agentCount = new Integer[n], endUserCount = new Integer[n];
    for (int i = 0; i < n; i++) {
      NewSession s = sessions.get(i);
      boolean ended = SessionStatus.ENDED.value().equals(s.status());
      boolean inbound = "InboundInitiated".equals(s.origin());
      id[i] = s.id();
      name[i] = s.name();
      status[i] = s.status();
      origin[i] = s.origin();
      agentType[i] = inbound ? null : ActorType.SYSTEM.value();
      endedBy[i] = ended ? ActorType.SYSTEM.value() : null;
      channelType[i] = s.channelType();
      endUser[i] = s.endUserId();
      channel[i] = s.channelId();
      now[i] = iso.of(s.now());
      endTime[i] = ended ? iso.of(s.now()) : null;
      owner[i] = s.ownerId();
      agentCount[i] = s.agentMessages();
      endUserCount[i] = s.endUserMessages();
      expires[i] = isoExpires.of(s.expiresAt());
    }
    return new Pipeline.Part(
        """
            INSERT INTO messaging_session (id, name, status, origin, agent_type, ended_by_type, channel_type,
                messaging_end_user_id,
                messaging_channel_id, start_time, end_time, owner_id, agent_message_count, end_user_message_count,
                    sfsim_expires_at,
                created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp)
            SELECT v.id, v.name, v.status, v.origin, v.agent_type, v.ended_by, v.channel_type, v.end_user, v.channel,
                CAST(v.t AS timestamptz), CAST(v.end_time AS timestamptz), v.owner, v.agent_count, v.end_user_count,
                CAST(v.expires AS timestamptz), CAST(v.t AS timestamptz), v.owner, CAST(v.t AS timestamptz), v.owner,
                CAST(v.t AS timestamptz)
            FROM unnest(:id, :name, :status, :origin, :agentType, :endedBy, :channelType, :endUser, :channel, :t,
                :endTime,
                :owner, :agentCount, :endUserCount, :expires)
                AS v(id, name, status, origin, agent_type, ended_by, channel_type, end_user, channel, t, end_time,
                    owner,
                     agent_count, end_user_count, expires)""",
        b ->
            b.array("id", String.class, id)
                .array("name", String.class, name)
                .array("status", String.class, status)
                .array("origin", String.class, origin)
                .array("agentType", String.class, agentType)
                .array("endedBy", String.class, endedBy)
                .array("channelType", String.class, channelType)
                .array("endUser", String.class, endUser)
                .array("channel", String.class, channel)
                .array("t", String.class, now)
                .array("endTime", String.class, endTime)
                .array("owner", String.class, owner)
                .array("agentCount", Integer.class, agentCount)
                .array("endUserCount", Integer.class, endUserCount)
                .array("expires", String.class, expires));
  }

  /**
   * MessageSendTime, MessageDeliverTime and MessageReadTime stay null: the ConversationEntry
   * reference calls them unused and reserved. ServerReceivedTimestamp is the entry's time;
   * ClientDuration 0 (no client sets it).
   */
  static void entries(Handle h, List<NewEntry> entries, boolean held) {
    Pipeline.run(h, entriesPart(entries, held));
  }

  static Pipeline.Part entriesPart(List<NewEntry> entries, boolean held) {
    Iso iso = new Iso();
    int n = entries.size();
    String[] id = new String[n], session = new String[n], now = new String[n];
    String[] type = new String[n], actorType = new String[n], actorId = new String[n];
    String[] actorName = new String[n], message = new String[n], mid = new String[n];
    String[] status = new String[n], user = new String[n];
    Integer[] seq = new Integer[n], millis = new Integer[n];
    for (int i = 0; i < n; i++) {
      NewEntry e = entries.get(i);
      id[i] = e.id();
      session[i] = e.sessionId();
      seq[i] = e.seq();
      now[i] = iso.of(e.now());
      millis[i] = (int) (e.now().toEpochMilli() % 1000);
      type[i] = e.entryType();
      actorType[i] = e.actorType();
      actorId[i] = e.actorId();
      actorName[i] = e.actorName();
      message[i] = e.message();
      mid[i] = e.messageIdentifier();
      status[i] = e.messageStatus();
      user[i] = e.createdById();
    }
    return new Pipeline.Part(
        "INSERT INTO "
            + (held ? "conversation_entry_held" : "conversation_entry")
            + """
                 (id, conversation_id, seq, entry_time, entry_time_milli_secs, entry_type, actor_type, actor_id,
                     actor_name,
                    message, message_identifier, message_status, has_attachments, client_duration,
                        server_received_timestamp,
                    created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp)
                SELECT v.id, v.session, v.seq, CAST(v.t AS timestamptz), v.millis, v.type, v.actor_type, v.actor_id,
                    v.actor_name, v.message, v.mid, v.status, false, 0, CAST(v.t AS timestamptz),
                        CAST(v.t AS timestamptz),
                    v.usr, CAST(v.t AS timestamptz), v.usr, CAST(v.t AS timestamptz)
                FROM unnest(:id, :session, :seq, :t, :millis, :type, :actorType, :actorId, :actorName, :message, :mid,
                    :status, :usr)
                    AS v(id, session, seq, t, millis, type, actor_type, actor_id, actor_name, message, mid, status,
                        usr)""",
        b ->
            b.array("id", String.class, id)
                .array("session", String.class, session)
                .array("seq", Integer.class, seq)
                .array("t", String.class, now)
                .array("millis", Integer.class, millis)
                .array("type", String.class, type)
                .array("actorType", String.class, actorType)
                .array("actorId", String.class, actorId)
                .array("actorName", String.class, actorName)
                .array("message", String.class, message)
                .array("mid", String.class, mid)
                .array("status", String.class, status)
                .array("usr", String.class, user));
  }

  static void outbox(Handle h, List<OutboxEntry> entries) {
    Pipeline.run(h, outboxPart(entries));
  }

  static Pipeline.Part outboxPart(List<OutboxEntry> entries) {
    Iso iso = new Iso();
    int n = entries.size();
    String[] mid = new String[n], req = new String[n], meu = new String[n], key = new String[n];
    String[] channel = new String[n], type = new String[n], session = new String[n];
    String[] def = new String[n], text = new String[n], status = new String[n];
    String[] sentAt = new String[n], deliveredAt = new String[n], readAt = new String[n];
    for (int i = 0; i < n; i++) {
      OutboxEntry e = entries.get(i);
      mid[i] = e.messageIdentifier().toString();
      req[i] = e.requestId();
      meu[i] = e.messagingEndUserId();
      key[i] = e.messagingPlatformKey();
      channel[i] = e.messagingChannelId();
      type[i] = e.messageType();
      session[i] = e.messagingSessionId();
      def[i] = e.messageDefinitionName();
      text[i] = e.text();
      status[i] = e.status();
      sentAt[i] = iso.of(e.sentAt());
      deliveredAt[i] = e.status().equals(MessageStatus.SENT.value()) ? null : iso.of(e.sentAt());
      readAt[i] = e.status().equals(MessageStatus.READ.value()) ? iso.of(e.sentAt()) : null;
    }
    return new Pipeline.Part(
        """
            INSERT INTO outbox (message_identifier, request_id, messaging_end_user_id, messaging_platform_key,
                messaging_channel_id, message_type, messaging_session_id, message_definition_name, text, status,
                    sent_at,
                delivered_at, read_at)
            SELECT CAST(v.mid AS uuid), v.req, v.meu, v.key, v.channel, v.type, v.session, v.def, v.text, v.status,
                CAST(v.sent_at AS timestamptz), CAST(v.delivered_at AS timestamptz), CAST(v.read_at AS timestamptz)
            FROM unnest(:mid, :req, :meu, :key, :channel, :type, :session, :def, :text, :status, :sentAt, :deliveredAt,
                :readAt)
                AS v(mid, req, meu, key, channel, type, session, def, text, status, sent_at, delivered_at, read_at)""",
        b ->
            b.array("mid", String.class, mid)
                .array("req", String.class, req)
                .array("meu", String.class, meu)
                .array("key", String.class, key)
                .array("channel", String.class, channel)
                .array("type", String.class, type)
                .array("session", String.class, session)
                .array("def", String.class, def)
                .array("text", String.class, text)
                .array("status", String.class, status)
                .array("sentAt", String.class, sentAt)
                .array("deliveredAt", String.class, deliveredAt)
                .array("readAt", String.class, readAt));
  }

  /**
   * One UPDATE for all messages: the new values travel as arrays and are joined back by identifier.
   */
  static void messages(Handle h, List<MessageUpdate> updates) {
    Pipeline.run(h, messagesPart(updates));
  }

  static Pipeline.Part messagesPart(List<MessageUpdate> updates) {
    Iso iso = new Iso();
    Iso isoDeliver = new Iso();
    Iso isoRead = new Iso();
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
      due[i] = iso.of(u.dueAt());
      transientFailures[i] = u.transientFailures();
      delayed[i] = u.delayed();
      deliver[i] = isoDeliver.of(u.deliverDueAt());
      read[i] = isoRead.of(u.readDueAt());
      code[i] = u.undeliverableCode();
      codeReason[i] = u.undeliverableReason();
    }
    return new Pipeline.Part(
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
                        WHERE m.message_identifier = CAST(v.id AS uuid)""",
        b ->
            b.array("ids", String.class, ids)
                .array("status", String.class, status)
                .array("reason", String.class, reason)
                .array("session", String.class, session)
                .array("due", String.class, due)
                .array("transient", Integer.class, transientFailures)
                .array("delayed", Boolean.class, delayed)
                .array("deliver", String.class, deliver)
                .array("read", String.class, read)
                .array("code", String.class, code)
                .array("codeReason", String.class, codeReason));
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

  /** ISO texts of a batch's instants, which are mostly one and the same: formatted once. */
  private static final class Iso {
    private @Nullable Instant last;
    private @Nullable String text;

    @Nullable String of(@Nullable Instant i) {
      if (i == null) {
        return null;
      }
      if (!i.equals(last)) {
        last = i;
        text = i.toString();
      }
      return text;
    }
  }

  static @Nullable OffsetDateTime ts(@Nullable Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }
}
