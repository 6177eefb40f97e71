package dev.sfsim.simulator.messaging.persistence;

import dev.sfsim.simulator.catalog.MessageStatus;
import dev.sfsim.simulator.messaging.MessagingTransaction.DeliveryError;
import dev.sfsim.simulator.messaging.MessagingTransaction.MessageUpdate;
import dev.sfsim.simulator.messaging.MessagingTransaction.NewEntry;
import dev.sfsim.simulator.messaging.OutboxEntry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * The dispatcher's multi-row writes: one statement per table and call, the rows travelling as one
 * array per column ({@code INSERT ... SELECT FROM unnest(...)}; fixed SQL, columns of V1/V3).
 * Sessions are {@link SessionBatches}.
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

  /**
   * MessageSendTime, MessageDeliverTime and MessageReadTime stay null: the ConversationEntry
   * reference calls them unused and reserved. ServerReceivedTimestamp is the entry's time;
   * ClientDuration 0 (no client sets it).
   */
  static void entries(Handle h, List<NewEntry> entries, boolean held) {
    entriesParts(entries, held).forEach(p -> Pipeline.run(h, p));
  }

  /** One statement per run of entries that share time, type, actor and creator. */
  static List<Pipeline.Part> entriesParts(List<NewEntry> entries, boolean held) {
    return runs(
        entries,
        (x, y) ->
            x.now().equals(y.now())
                && x.entryType().equals(y.entryType())
                && x.actorType().equals(y.actorType())
                && Objects.equals(x.actorId(), y.actorId())
                && Objects.equals(x.actorName(), y.actorName())
                && x.createdById().equals(y.createdById()),
        run -> entriesPart(run, held));
  }

  private static Pipeline.Part entriesPart(List<NewEntry> entries, boolean held) {
    NewEntry first = entries.get(0);
    int n = entries.size();
    String[] id = new String[n], session = new String[n], message = new String[n];
    String[] mid = new String[n], status = new String[n];
    Integer[] seq = new Integer[n];
    for (int i = 0; i < n; i++) {
      NewEntry e = entries.get(i);
      id[i] = e.id();
      session[i] = e.sessionId();
      seq[i] = e.seq();
      message[i] = e.message();
      mid[i] = e.messageIdentifier();
      status[i] = e.messageStatus();
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
                SELECT v.id, v.session, v.seq, CAST(:t AS timestamptz), :millis, :type, :actorType, :actorId,
                    :actorName, v.message, v.mid, v.status, false, 0, CAST(:t AS timestamptz),
                        CAST(:t AS timestamptz),
                    :usr, CAST(:t AS timestamptz), :usr, CAST(:t AS timestamptz)
                FROM unnest(:id, :session, :seq, :message, :mid, :status)
                    AS v(id, session, seq, message, mid, status)""",
        b ->
            b.value("t", first.now().toString())
                .value("millis", (int) (first.now().toEpochMilli() % 1000))
                .value("type", first.entryType())
                .value("actorType", first.actorType())
                .value("actorId", first.actorId())
                .value("actorName", first.actorName())
                .value("usr", first.createdById())
                .array("id", String.class, id)
                .array("session", String.class, session)
                .array("seq", Integer.class, seq)
                .array("message", String.class, message)
                .array("mid", String.class, mid)
                .array("status", String.class, status));
  }

  static void outbox(Handle h, List<OutboxEntry> entries) {
    outboxParts(entries).forEach(p -> Pipeline.run(h, p));
  }

  /** One statement per run of entries of the same request, definition, text and instant. */
  static List<Pipeline.Part> outboxParts(List<OutboxEntry> entries) {
    return runs(
        entries,
        (x, y) ->
            x.requestId().equals(y.requestId())
                && x.messageDefinitionName().equals(y.messageDefinitionName())
                && Objects.equals(x.text(), y.text())
                && x.sentAt().equals(y.sentAt()),
        MessagingBatches::outboxPart);
  }

  private static Pipeline.Part outboxPart(List<OutboxEntry> entries) {
    OutboxEntry first = entries.get(0);
    String sent = first.sentAt().toString();
    int n = entries.size();
    String[] mid = new String[n], meu = new String[n], key = new String[n];
    String[] channel = new String[n], type = new String[n], session = new String[n];
    String[] status = new String[n], deliveredAt = new String[n], readAt = new String[n];
    for (int i = 0; i < n; i++) {
      OutboxEntry e = entries.get(i);
      mid[i] = e.messageIdentifier().toString();
      meu[i] = e.messagingEndUserId();
      key[i] = e.messagingPlatformKey();
      channel[i] = e.messagingChannelId();
      type[i] = e.messageType();
      session[i] = e.messagingSessionId();
      status[i] = e.status();
      deliveredAt[i] = e.status().equals(MessageStatus.SENT.value()) ? null : sent;
      readAt[i] = e.status().equals(MessageStatus.READ.value()) ? sent : null;
    }
    return new Pipeline.Part(
        """
            INSERT INTO outbox (message_identifier, request_id, messaging_end_user_id, messaging_platform_key,
                messaging_channel_id, message_type, messaging_session_id, message_definition_name, text, status,
                    sent_at,
                delivered_at, read_at)
            SELECT CAST(v.mid AS uuid), :req, v.meu, v.key, v.channel, v.type, v.session, :def, :text, v.status,
                CAST(:sentAt AS timestamptz), CAST(v.delivered_at AS timestamptz), CAST(v.read_at AS timestamptz)
            FROM unnest(:mid, :meu, :key, :channel, :type, :session, :status, :deliveredAt, :readAt)
                AS v(mid, meu, key, channel, type, session, status, delivered_at, read_at)""",
        b ->
            b.value("req", first.requestId())
                .value("def", first.messageDefinitionName())
                .value("text", first.text())
                .value("sentAt", sent)
                .array("mid", String.class, mid)
                .array("meu", String.class, meu)
                .array("key", String.class, key)
                .array("channel", String.class, channel)
                .array("type", String.class, type)
                .array("session", String.class, session)
                .array("status", String.class, status)
                .array("deliveredAt", String.class, deliveredAt)
                .array("readAt", String.class, readAt));
  }

  /**
   * {@code rows} cut into runs of neighbours {@code same} holds for (order kept), each written by
   * {@code part}: a run's shared values are bound once instead of as arrays of copies.
   */
  static <T> List<Pipeline.Part> runs(
      List<T> rows, BiPredicate<T, T> same, Function<List<T>, Pipeline.Part> part) {
    List<Pipeline.Part> parts = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= rows.size(); i++) {
      if (i == rows.size() || !same.test(rows.get(from), rows.get(i))) {
        parts.add(part.apply(rows.subList(from, i)));
        from = i;
      }
    }
    return parts;
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
