package dev.sfsim.simulator.persistence;

import dev.sfsim.simulator.clock.SimClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * An org's {@link SimClock} state in its schema's {@code sim_clock} row. A change locks the row,
 * applies to what the row holds (not to a process's cached copy), and announces itself on the
 * {@link ClockListener#CHANNEL} channel with the schema as payload, so that other processes sharing
 * the database take it up.
 */
final class ClockRepository implements SimClock.Shared {
  private final Jdbi jdbi;
  private final String schema;

  ClockRepository(Jdbi jdbi, String schema) {
    this.jdbi = jdbi;
    this.schema = schema;
  }

  @Override
  public SimClock.State read() {
    return jdbi.withHandle(h -> read(h, ""));
  }

  @Override
  public SimClock.State update(UnaryOperator<SimClock.State> change) {
    return jdbi.inTransaction(
        h -> {
          SimClock.State before = read(h, " FOR UPDATE");
          SimClock.State after = change.apply(before);
          if (after.version() == before.version()) {
            return before;
          }
          h.createUpdate(
                  """
                            INSERT INTO sim_clock (singleton, offset_millis, frozen_at, version)
                                VALUES (true, :offset, :frozen, :version)
                            ON CONFLICT (singleton) DO UPDATE SET offset_millis = :offset, frozen_at
                                = :frozen, version = :version""")
              .bind("offset", after.offset().toMillis())
              .bind(
                  "frozen",
                  after.frozenAt() == null ? null : after.frozenAt().atOffset(ZoneOffset.UTC))
              .bind("version", after.version())
              .execute();
          h.createQuery("SELECT pg_notify(:channel, :schema)")
              .bind("channel", ClockListener.CHANNEL)
              .bind("schema", schema)
              .mapTo(String.class)
              .one();
          return after;
        });
  }

  private static SimClock.State read(Handle h, String lock) {
    return h.createQuery(SELECT + lock)
        .map((rs, ctx) -> state(rs))
        .findOne()
        .orElse(SimClock.State.REAL);
  }

  /** The clock's row ({@link #state(ResultSet)} reads it). */
  static final String SELECT = "SELECT offset_millis, frozen_at, version FROM sim_clock";

  /** The state in a row of {@link #SELECT} at the result set's current row. */
  private static SimClock.State state(ResultSet rs) throws SQLException {
    OffsetDateTime frozen = rs.getObject(2, OffsetDateTime.class);
    return new SimClock.State(
        Duration.ofMillis(rs.getLong(1)),
        frozen == null ? null : frozen.toInstant(),
        rs.getLong(3));
  }

  /** The state in what {@link #SELECT} answered: its row, or real time when there is none. */
  static SimClock.State first(ResultSet rs) throws SQLException {
    return rs.next() ? state(rs) : SimClock.State.REAL;
  }
}
