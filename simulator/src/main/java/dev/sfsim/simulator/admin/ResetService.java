package dev.sfsim.simulator.admin;

import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.org.OrgIdentity;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.ResetParticipant;
import dev.sfsim.simulator.persistence.ResetTemplate;
import dev.sfsim.simulator.persistence.SqlStates;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Puts the org back to its state right after start ({@code POST /__admin/reset}; admin API
 * contract: {@code GET /__admin/openapi.json}): every record, component, token, queued message and
 * outbox entry is removed, id and auto-number sequences restart (so the startup fixtures get the
 * same ids again), the org and its users are seeded, and the startup fixtures are loaded. Each
 * feature declares what it clears (a {@link ResetParticipant}: {@code RecordReset}, {@code
 * AuthReset}, {@code QueryReset}, {@code MessagingReset}); this class knows only the org's seed.
 *
 * <p>The first reset does all of that in one transaction and keeps the result as a {@link
 * ResetTemplate}; later resets delete the participants' rows and put the template back (a few
 * statements instead of one insert per fixture record), with the records' CreatedDate,
 * LastModifiedDate and SystemModstamp at the reset's instant, as a full reset writes them.
 */
public final class ResetService {
  private final Jdbi jdbi;
  private final List<ResetParticipant> participants;
  private final OrgIdentity org;
  private final SimClock clock;
  private final FixtureService fixtures;
  private volatile StartupFixtures startupFixtures;
  private final List<Runnable> alsoClear = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final Lock workLock;

  /** Every participant's tables. */
  private final List<String> tables;

  /** The state the last full reset produced; null until one ran. */
  private volatile @Nullable ResetTemplate template;

  /**
   * @param workLock held during a reset so that the dispatcher does not work on tables being
   *     truncated
   */
  public ResetService(
      Jdbi jdbi,
      List<ResetParticipant> participants,
      OrgIdentity org,
      SimClock clock,
      FixtureService fixtures,
      StartupFixtures startupFixtures,
      Lock workLock) {
    this.workLock = workLock;
    this.jdbi = jdbi;
    this.participants = List.copyOf(participants);
    this.org = org;
    this.clock = clock;
    this.fixtures = fixtures;
    this.startupFixtures = startupFixtures;
    List<String> all = new ArrayList<>();
    participants.forEach(p -> all.addAll(p.tables()));
    this.tables = List.copyOf(all);
  }

  /**
   * Adds a fixture file to those every reset loads (an org created with fixtures of its own); the
   * next reset is a full one.
   */
  public void addFixtures(StartupFixtures.File file) {
    workLock.lock();
    try {
      List<StartupFixtures.File> files = new ArrayList<>(startupFixtures.files());
      files.add(file);
      startupFixtures = new StartupFixtures(files);
      template = null;
    } finally {
      workLock.unlock();
    }
  }

  /** The state the last full reset produced (what later resets put back); null until one ran. */
  public @Nullable ResetTemplate template() {
    return template;
  }

  /**
   * Makes {@code t} what the next resets put back, as if a full reset had produced it: for a new
   * org that takes another org's template, moved to it ({@link ResetTemplate#forOrg}).
   */
  public void adopt(ResetTemplate t) {
    workLock.lock();
    try {
      template = t;
    } finally {
      workLock.unlock();
    }
  }

  /** State kept outside the database (the request journal, ...) that reset clears too. */
  public void onReset(Runnable clear) {
    alsoClear.add(clear);
  }

  /**
   * Clears everything and loads the startup fixtures.
   *
   * @throws IllegalStateException naming the fixture file and record that could not be loaded
   */
  public void reset() {
    workLock.lock();
    try {
      if (template == null) {
        clock.reset();
      }
      // TRUNCATE locks every table at once and can deadlock with a transaction of another simulator
      // process sharing the database; PostgreSQL then aborts one side (SQLState 40P01), and the
      // reset simply runs again.
      for (int attempt = 1; ; attempt++) {
        try {
          ResetTemplate t = template;
          if (t == null) {
            fullReset();
          } else {
            // The clock is read in the put-back's round trip (a round trip of its own before); the
            // rows take the instant the clock shows after its reset, real time, as before. A clock
            // that was moved is put back (committed) before the put-back commits, as before.
            jdbi.useTransaction(h -> clock.reset(t.putBack(h, tables, SimClock.realTime())));
          }
          break;
        } catch (org.jdbi.v3.core.JdbiException e) {
          ResetTemplate t = template;
          if (attempt < 5 && t != null && SqlStates.causedBy(e, "42P01")) {
            // another simulator sharing the database dropped the template's copies: make them again
            t.copiesLost();
          } else if (attempt >= 5 || !SqlStates.causedBy(e, "40P01")) {
            throw e;
          }
        }
      }
      alsoClear.forEach(Runnable::run);
    } finally {
      workLock.unlock();
    }
  }

  /**
   * Truncates the participants' tables, lets them restart their sequences, seeds the org and loads
   * the startup fixtures, in one transaction; then keeps the result as the {@link ResetTemplate} of
   * the next resets.
   */
  private void fullReset() {
    template =
        jdbi.inTransaction(
            h -> {
              Instant start = clock.now();
              h.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
              for (ResetParticipant p : participants) {
                p.afterTruncate(h);
              }
              seedOrg(h);
              for (StartupFixtures.File f : startupFixtures.files()) {
                try {
                  // RecordReset restarted the record sequence above, in this transaction
                  fixtures.loadAfterRestart(h, f.body());
                } catch (SalesforceException e) {
                  throw new IllegalStateException(
                      "Fixture file "
                          + f.path()
                          + " cannot be loaded: "
                          + e.errorCode()
                          + ": "
                          + e.getMessage(),
                      e);
                }
              }
              return ResetTemplate.capture(h, tables, start, clock.now());
            });
  }

  /** Whether the org has been seeded (a fresh or shared database that already holds this org). */
  public boolean seeded() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM organization WHERE id = :id")
                    .bind("id", org.orgId())
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  private void seedOrg(Handle h) {
    var now = clock.now().atOffset(ZoneOffset.UTC);
    h.createUpdate(
            """
                        INSERT INTO organization (id, name, instance_name, is_sandbox, organization_type,
                            created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp)
                        VALUES (:id, :name, 'SIM1', false, 'Developer Edition', :now, :user, :now, :user, :now)""")
        .bind("id", org.orgId())
        .bind("name", org.orgName())
        .bind("now", now)
        .bind("user", org.userId())
        .execute();
    insertUser(h, org.userId(), org.username(), "sfsim", "Admin", "Standard", now);
    insertUser(
        h,
        org.integrationUserId(),
        "integration@" + org.orgId() + ".sfsim.example",
        "Platform Integration",
        "User",
        "AutomatedProcess",
        now);
  }

  private void insertUser(
      Handle h,
      String id,
      String username,
      String first,
      String last,
      String userType,
      Object now) {
    h.createUpdate(
            """
                        INSERT INTO users (id, username, first_name, last_name, name, email, alias,
                            is_active, user_type,
                            created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp)
                        VALUES (:id, :username, :first, :last, :name, :email, :alias, true, :userType,
                            :now, :creator, :now, :creator, :now)""")
        .bind("id", id)
        .bind("username", username)
        .bind("first", first)
        .bind("last", last)
        .bind("name", first + " " + last)
        .bind("email", username)
        .bind("alias", last.substring(0, Math.min(8, last.length())))
        .bind("userType", userType)
        .bind("now", now)
        .bind("creator", org.userId())
        .execute();
  }
}
