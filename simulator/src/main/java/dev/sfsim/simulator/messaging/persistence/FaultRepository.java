package dev.sfsim.simulator.messaging.persistence;

import dev.sfsim.simulator.messaging.FaultRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Fault rules of {@code /__admin/faults} (admin API contract: {@code GET /__admin/openapi.json}),
 * in creation order.
 */
public final class FaultRepository {
  private final Jdbi jdbi;

  public FaultRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stores a rule (its {@code id} and {@code fired} are ignored); returns the new id. */
  public String add(FaultRule r) {
    String id = UUID.randomUUID().toString();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                        INSERT INTO fault_rule (id, messaging_end_user_id, messaging_platform_key,
                            messaging_channel_id, effect, reason,
                            status_code, times, delay_ms)
                        VALUES (:id, :endUser, :key, :channel, :effect, :reason, :code, :times, :delay)""")
                .bind("id", id)
                .bind("endUser", r.messagingEndUserId())
                .bind("key", r.messagingPlatformKey())
                .bind("channel", r.messagingChannelId())
                .bind("effect", r.effect())
                .bind("reason", r.reason())
                .bind("code", r.statusCode())
                .bind("times", r.times())
                .bind("delay", r.delay() == null ? null : r.delay().toMillis())
                .execute());
    return id;
  }

  public List<FaultRule> list() {
    return jdbi.withHandle(FaultRepository::list);
  }

  /** Every rule, in creation order (columns as {@link #rule} reads them). */
  static final String LIST =
      """
          SELECT id, messaging_end_user_id, messaging_platform_key,
              messaging_channel_id, effect, reason, status_code,
                 times, delay_ms, fired FROM fault_rule ORDER BY seq""";

  static List<FaultRule> list(Handle h) {
    return h.createQuery(LIST).map((rs, ctx) -> rule(rs)).list();
  }

  /** The rule at the current row of a {@link #LIST} result. */
  static FaultRule rule(ResultSet rs) throws SQLException {
    return new FaultRule(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        (Integer) rs.getObject(8),
        rs.getObject(9) == null ? null : Duration.ofMillis(rs.getLong(9)),
        rs.getInt(10));
  }

  /**
   * @return whether a rule was removed
   */
  public boolean delete(String id) {
    return jdbi.withHandle(
            h -> h.createUpdate("DELETE FROM fault_rule WHERE id = :id").bind("id", id).execute())
        > 0;
  }

  public void deleteAll() {
    jdbi.useHandle(h -> h.execute("DELETE FROM fault_rule"));
  }

  static void fired(Handle h, Map<String, Integer> firedByRule) {
    var b = h.prepareBatch("UPDATE fault_rule SET fired = fired + :n WHERE id = :id");
    firedByRule.forEach((id, n) -> b.bind("id", id).bind("n", n).add());
    b.execute();
  }
}
