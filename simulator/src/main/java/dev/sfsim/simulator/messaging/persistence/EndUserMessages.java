package dev.sfsim.simulator.messaging.persistence;

import static dev.sfsim.simulator.messaging.persistence.MessagingBatches.ts;

import dev.sfsim.simulator.catalog.ActorType;
import dev.sfsim.simulator.catalog.ConsentStatus;
import dev.sfsim.simulator.catalog.EntryType;
import dev.sfsim.simulator.catalog.MessageType;
import dev.sfsim.simulator.catalog.SessionStatus;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.messaging.MessagingTransaction.NewEntry;
import dev.sfsim.simulator.messaging.MessagingTransaction.NewSession;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * End users talking back (the README's "Messaging behaviour" rules; admin API contract: {@code GET
 * /__admin/openapi.json}): inbound messages and device receipts, each in one transaction.
 */
public final class EndUserMessages {
  /**
   * Opt-out keywords (the carriers' and WhatsApp's usual set), compared trimmed and
   * case-insensitively.
   */
  static final Set<String> OPT_OUT =
      Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT");

  /** Opt-in keywords. */
  static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "SUBSCRIBE", "YES", "OPTIN");

  private static final Duration SESSION_TIMEOUT = Duration.ofHours(48);

  private final Jdbi jdbi;
  private final SimClock clock;
  private final boolean immediateEntries;

  public EndUserMessages(Jdbi jdbi, SimClock clock, boolean immediateEntries) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.immediateEntries = immediateEntries;
  }

  /** The session the message went to and the inbound message's identifier. */
  public record Inbound(String messagingSessionId, String messageIdentifier) {}

  /**
   * The end user writes: their open session becomes {@code Active} (or an {@code InboundInitiated}
   * one starts), an entry with ActorType {@code EndUser} is added, EndUserMessageCount grows, and
   * the session's 48-hour timer restarts. Opt-out/opt-in keywords change MessagingConsentStatus and
   * add an {@code EndUserOptedOut} / {@code EndUserOptedIn} entry instead of a {@code Text} one.
   *
   * @param endUserId 18-character MessagingEndUser id
   * @throws SalesforceException 404 {@code NOT_FOUND} when the end user does not exist
   */
  public Inbound inbound(String endUserId, String text) {
    return jdbi.inTransaction(
        h -> {
          Instant now = clock.now();
          var user =
              h.createQuery(
                      """
                            SELECT u.name, u.messaging_channel_id, c.message_type, c.platform_type, u.owner_id
                            FROM messaging_end_user u JOIN messaging_channel c ON c.id = u.messaging_channel_id
                            WHERE u.id = :id AND NOT u.is_deleted FOR UPDATE OF u""")
                  .bind("id", endUserId)
                  .mapToMap()
                  .findOne()
                  .orElseThrow(
                      () ->
                          new SalesforceException(
                              404,
                              ErrorCode.NOT_FOUND,
                              "No MessagingEndUser with id " + endUserId,
                              List.of()));
          String keyword = text.trim().toUpperCase(Locale.ROOT);
          EntryType entryType =
              OPT_OUT.contains(keyword)
                  ? EntryType.END_USER_OPTED_OUT
                  : OPT_IN.contains(keyword) ? EntryType.END_USER_OPTED_IN : EntryType.TEXT;
          if (entryType != EntryType.TEXT) {
            h.createUpdate(
                    "UPDATE messaging_end_user SET messaging_consent_status = :s, last_modified_date = :now, system_modstamp = :now WHERE id = :id")
                .bind(
                    "s",
                    (entryType == EntryType.END_USER_OPTED_OUT
                            ? ConsentStatus.OPTED_OUT
                            : ConsentStatus.EXPLICITLY_OPTED_IN)
                        .value())
                .bind("now", ts(now))
                .bind("id", endUserId)
                .execute();
          }
          String owner =
              user.get("owner_id") != null ? (String) user.get("owner_id") : defaultOwner(h);
          String sessionId = openSession(h, endUserId, now).orElse(null);
          MessagingDao dao = h.attach(MessagingDao.class);
          if (sessionId == null) {
            sessionId = SalesforceIds.generate("0Mw", dao.nextIds(1).get(0));
            String type = (String) user.get("message_type");
            SessionBatches.sessions(
                h,
                List.of(
                    new NewSession(
                        sessionId,
                        String.format(
                            "MS-%010d", dao.nextNumbers("messaging_session_name_seq", 1).get(0)),
                        SessionStatus.ACTIVE.value(),
                        "InboundInitiated",
                        MessageType.sessionChannelType(type),
                        endUserId,
                        (String) user.get("messaging_channel_id"),
                        owner,
                        now,
                        now.plus(SESSION_TIMEOUT),
                        "Enhanced".equals(user.get("platform_type")) ? null : 0,
                        1)));
          } else {
            h.createUpdate(
                    """
                                UPDATE messaging_session SET status = 'Active',
                                    end_user_message_count = coalesce(end_user_message_count, 0) + 1,
                                    sfsim_expires_at = :expires, last_modified_date = :now,
                                        system_modstamp = :now WHERE id = :id""")
                .bind("expires", ts(now.plus(SESSION_TIMEOUT)))
                .bind("now", ts(now))
                .bind("id", sessionId)
                .execute();
          }
          int seq = dao.maxEntrySeq(new String[] {sessionId}).getOrDefault(sessionId, 0) + 1;
          boolean enhanced = "Enhanced".equals(user.get("platform_type")) && !immediateEntries;
          UUID mid = UUID.randomUUID();
          NewEntry entry =
              new NewEntry(
                  SalesforceIds.generate("0Zy", dao.nextIds(1).get(0)),
                  sessionId,
                  seq,
                  entryType.value(),
                  ActorType.END_USER.value(),
                  endUserId,
                  (String) user.get("name"),
                  enhanced ? null : text,
                  mid.toString(),
                  null,
                  owner,
                  now);
          MessagingBatches.entries(
              h, List.of(entry), !immediateEntries && (enhanced || seq > 1)); // as BatchSender
          h.createUpdate(
                  "INSERT INTO inbound_message (message_identifier, messaging_session_id, text, received_at) VALUES (:m, :s, :t, :now)")
              .bind("m", mid)
              .bind("s", sessionId)
              .bind("t", text)
              .bind("now", ts(now))
              .execute();
          return new Inbound(sessionId, mid.toString());
        });
  }

  private static java.util.Optional<String> openSession(Handle h, String endUserId, Instant now) {
    return h.createQuery(
            """
                        SELECT id FROM messaging_session WHERE messaging_end_user_id = :id AND NOT is_deleted
                          AND coalesce(status, 'New') NOT IN ('Ended', 'Error')
                        ORDER BY created_date DESC, id DESC LIMIT 1 FOR UPDATE""")
        .bind("id", endUserId)
        .mapTo(String.class)
        .findOne();
  }

  private static String defaultOwner(Handle h) {
    return h.createQuery(
            "SELECT id FROM users WHERE user_type = 'Standard' ORDER BY created_date, id LIMIT 1")
        .mapTo(String.class)
        .one();
  }

  /**
   * A device receipt: the outbound message's entry moves to {@code Delivered} or {@code Read} now
   * (a read message is delivered too); its scheduled progression is cancelled. Entries already
   * {@code Error} stay so.
   *
   * @param read {@code true} for a read receipt, else delivered
   * @return the message's session when its status changed (a repeated receipt changes nothing)
   * @throws SalesforceException 404 {@code NOT_FOUND} when no sent message has that identifier
   */
  public java.util.Optional<String> receipt(String messageIdentifier, boolean read) {
    UUID mid;
    try {
      mid = UUID.fromString(messageIdentifier);
    } catch (IllegalArgumentException e) {
      throw notFound(messageIdentifier);
    }
    return jdbi.inTransaction(
        h -> {
          var now = ts(clock.now());
          boolean sent =
              h.createQuery("SELECT count(*) > 0 FROM outbox WHERE message_identifier = :m")
                  .bind("m", mid)
                  .mapTo(Boolean.class)
                  .one();
          if (!sent) {
            throw notFound(messageIdentifier);
          }
          for (String table : List.of("conversation_entry", "conversation_entry_held")) {
            h.createUpdate(
                    "UPDATE "
                        + table
                        + (read
                            ? " SET message_status = 'Read',"
                            : " SET message_status = 'Delivered',")
                        + " last_modified_date = :now, system_modstamp = :now WHERE message_identifier = :m AND message_status IN ("
                        + (read ? "'Sent', 'Delivered'" : "'Sent'")
                        + ")")
                .bind("now", now)
                .bind("m", mid.toString())
                .execute();
          }
          var changed =
              h.createQuery(
                      "UPDATE outbox SET "
                          + (read
                              ? "status = 'Read', read_at = :now, delivered_at = coalesce(delivered_at, :now)"
                              : "status = 'Delivered', delivered_at = :now")
                          + " WHERE message_identifier = :m AND status IN ("
                          + (read ? "'Sent', 'Delivered'" : "'Sent'")
                          + ") RETURNING messaging_session_id")
                  .bind("now", now)
                  .bind("m", mid)
                  .mapTo(String.class)
                  .findOne();
          h.createUpdate(
                  "UPDATE conv_message SET deliver_due_at = NULL"
                      + (read ? ", read_due_at = NULL" : "")
                      + " WHERE message_identifier = :m")
              .bind("m", mid)
              .execute();
          return changed;
        });
  }

  private static SalesforceException notFound(String messageIdentifier) {
    return new SalesforceException(
        404,
        ErrorCode.NOT_FOUND,
        "No sent message has the identifier " + messageIdentifier,
        List.of());
  }
}
