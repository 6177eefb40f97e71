package dev.sfsim.simulator.messaging.persistence;

import dev.sfsim.simulator.catalog.ActorType;
import dev.sfsim.simulator.catalog.SessionStatus;
import dev.sfsim.simulator.messaging.MessagingTransaction.NewSession;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The dispatcher's MessagingSession inserts, one statement per run of sessions: the end user's and
 * the channel's fields (EndUserAccountId, EndUserContactId, ChannelName, ChannelKey, ChannelType)
 * joined in for the whole batch, the values the session fill trigger computes for a lone insert
 * (V51, V52).
 */
final class SessionBatches {
  private SessionBatches() {}

  static void sessions(Handle h, List<NewSession> sessions) {
    sessionsParts(sessions).forEach(p -> Pipeline.run(h, p));
  }

  /**
   * One statement per run of sessions that share their batch's values (status, origin, instants,
   * owner, end-user count): those travel once, the rest as arrays.
   */
  static List<Pipeline.Part> sessionsParts(List<NewSession> sessions) {
    return MessagingBatches.runs(
        sessions,
        (x, y) ->
            x.status().equals(y.status())
                && x.origin().equals(y.origin())
                && x.now().equals(y.now())
                && x.ownerId().equals(y.ownerId())
                && Objects.equals(x.expiresAt(), y.expiresAt())
                && x.endUserMessages() == y.endUserMessages(),
        SessionBatches::sessionsPart);
  }

  private static Pipeline.Part sessionsPart(List<NewSession> sessions) {
    NewSession first = sessions.get(0);
    boolean ended = SessionStatus.ENDED.value().equals(first.status());
    boolean inbound = "InboundInitiated".equals(first.origin());
    String now = first.now().toString();
    Instant expires = first.expiresAt();
    int n = sessions.size();
    String[] id = new String[n], name = new String[n], channelType = new String[n];
    String[] endUser = new String[n], channel = new String[n];
    Integer[] agentCount = new Integer[n];
    for (int i = 0; i < n; i++) {
      NewSession s = sessions.get(i);
      id[i] = s.id();
      name[i] = s.name();
      channelType[i] = s.channelType();
      endUser[i] = s.endUserId();
      channel[i] = s.channelId();
      agentCount[i] = s.agentMessages();
    }
    return new Pipeline.Part(
        """
            INSERT INTO messaging_session (id, name, status, origin, agent_type, ended_by_type, channel_type,
                messaging_end_user_id,
                messaging_channel_id, start_time, end_time, owner_id, agent_message_count, end_user_message_count,
                    sfsim_expires_at,
                created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp,
                end_user_account_id, end_user_contact_id, channel_name, channel_key)
            SELECT v.id, v.name, :status, :origin, :agentType, :endedBy,
                CASE WHEN c.id IS NOT NULL THEN coalesce(v.channel_type, CASE WHEN c.message_type IN
                    ('AppleBusinessChat', 'EmbeddedMessaging', 'Facebook', 'Phone', 'Text', 'Voice', 'WhatsApp')
                    THEN c.message_type END) END,
                v.end_user, v.channel,
                CAST(:t AS timestamptz), CAST(:endTime AS timestamptz), :owner, v.agent_count,
                CAST(:endUserCount AS integer), CAST(:expires AS timestamptz), CAST(:t AS timestamptz), :owner,
                CAST(:t AS timestamptz), :owner, CAST(:t AS timestamptz),
                u.account_id, u.contact_id, c.master_label, c.messaging_platform_key
            FROM unnest(:id, :name, :channelType, :endUser, :channel, :agentCount) WITH ORDINALITY
                AS v(id, name, channel_type, end_user, channel, agent_count, ord)
            LEFT JOIN messaging_end_user u ON u.id = v.end_user
            LEFT JOIN messaging_channel c ON c.id = v.channel
            ORDER BY v.ord""",
        b ->
            b.value("status", first.status())
                .value("origin", first.origin())
                .value("agentType", inbound ? null : ActorType.SYSTEM.value())
                .value("endedBy", ended ? ActorType.SYSTEM.value() : null)
                .value("t", now)
                .value("endTime", ended ? now : null)
                .value("owner", first.ownerId())
                .value("endUserCount", first.endUserMessages())
                .value("expires", expires == null ? null : expires.toString())
                .array("id", String.class, id)
                .array("name", String.class, name)
                .array("channelType", String.class, channelType)
                .array("endUser", String.class, endUser)
                .array("channel", String.class, channel)
                .array("agentCount", Integer.class, agentCount));
  }
}
