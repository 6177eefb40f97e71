package dev.sfsim.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.admin.OrgAdmin;
import dev.sfsim.simulator.admin.StartupFixtures;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.OrgIdentity;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.Database;
import dev.sfsim.simulator.persistence.ResetTemplate;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orgs of one simulator: the default org (schema {@code public}) and those made by {@code POST
 * /__admin/orgs}, each in its own schema {@code org_<random>}. Migrating a schema and loading the
 * startup fixtures takes a few hundred milliseconds, so once orgs are used (not before: a simulator
 * that never creates one does no such work), {@link #READY} orgs are kept ready in the background,
 * migrated, built and loaded; creating an org takes one, resets it (a few statements: its reset
 * template is captured) and routes it. Only the first org is migrated by Flyway and loaded a
 * fixture record at a time; later ones replay its migrations in one round trip ({@link
 * Database#createOrgSchema}) and take its reset template, moved to their identity: a spare is ready
 * in a few times a reset's time instead of a Flyway run and a fixture load. A spare does no
 * background work until it is handed out ({@link OrgRuntime#start()}): its dispatcher would poll an
 * org nobody can reach.
 */
public final class OrgDirectory implements OrgAdmin, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OrgDirectory.class);

  /** Builds one org's runtime over a migrated schema (the composition root's per-org factory). */
  public interface OrgFactory {
    OrgRuntime build(OrgIdentity identity, String schema, StartupFixtures fixtures);
  }

  private final Database database;
  private final OrgRuntime defaultOrg;
  private final OrgRouter router;
  private final OrgFactory factory;
  private final StartupFixtures startupFixtures;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, OrgRuntime> created = new ConcurrentHashMap<>();

  /** Orgs made ready in the background, not yet handed out (nor routed). */
  private final LinkedBlockingQueue<OrgRuntime> ready = new LinkedBlockingQueue<>();

  /** Whether the background is building a spare now (not merely queued to check). */
  private final java.util.concurrent.atomic.AtomicBoolean building =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * How long a create that finds no spare waits for the one being built before building its own: on
   * a small machine two builds at once take about twice as long each, and the one under way is
   * partly done.
   */
  static final long WAIT_FOR_SPARE_MS = 1_000;

  /** How many orgs are kept ready once orgs are used. */
  static final int READY = 2;

  private final int maxOrgs;

  /**
   * Whether created orgs' schemas must be dropped at close: an external database outlives this
   * process.
   */
  private final boolean dropAtClose;

  private final java.util.concurrent.Semaphore slots;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sfsim-org-spares");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param maxOrgs at most this many created orgs at once ({@code SFSIM_MAX_ORGS})
   * @param dropAtClose drop the created orgs' schemas at {@link #close()} (an external database);
   *     an embedded one drops leftovers of an earlier run in the background at start instead, so a
   *     stop stays fast
   */
  public OrgDirectory(
      Database database,
      OrgRuntime defaultOrg,
      OrgRouter router,
      OrgFactory factory,
      StartupFixtures startupFixtures,
      int maxOrgs,
      boolean dropAtClose) {
    this.maxOrgs = maxOrgs;
    this.slots = new java.util.concurrent.Semaphore(maxOrgs);
    this.dropAtClose = dropAtClose;
    this.database = database;
    this.defaultOrg = defaultOrg;
    this.router = router;
    this.factory = factory;
    this.startupFixtures = startupFixtures;
    if (!dropAtClose) {
      dropLeftovers();
    }
  }

  /**
   * Drops, in the background, the schemas of orgs and spares an earlier run of this embedded
   * database left (it stopped without dropping them); listed now, before any org of this run
   * exists.
   */
  private void dropLeftovers() {
    List<String> leftovers =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'org\\_%' OR nspname LIKE 'sfsim\\_spare\\_%'")
                        .mapTo(String.class)
                        .list());
    if (leftovers.isEmpty()) {
      return;
    }
    background.execute(
        () -> {
          try {
            leftovers.forEach(database::dropSchema);
          } catch (RuntimeException e) {
            LOG.warn("Could not drop the org schemas of an earlier run: {}", e.getMessage());
          }
        });
  }

  @Override
  public OrgIdentity create(@Nullable JsonNode fixtures) {
    if (!slots.tryAcquire()) {
      throw SalesforceException.badRequest(
          ErrorCode.LIMIT_EXCEEDED,
          "This simulator already has "
              + maxOrgs
              + " created orgs, its limit (SFSIM_MAX_ORGS). Delete an org (DELETE /__admin/orgs/{orgId}) before creating another.");
    }
    try {
      return createInSlot(fixtures);
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  private OrgIdentity createInSlot(@Nullable JsonNode fixtures) {
    OrgRuntime spare = ready.poll();
    if (spare == null && building.get()) {
      try {
        spare = ready.poll(WAIT_FOR_SPARE_MS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      OrgRuntime runtime = spare != null ? spare : build();
      try {
        if (fixtures != null) {
          runtime
              .reset()
              .addFixtures(new StartupFixtures.File(Path.of("POST /__admin/orgs"), fixtures));
        }
        if (spare != null || fixtures != null) {
          runtime.reset().reset(); // a spare's records are dated when it was prepared, not now
        }
      } catch (IllegalStateException e) {
        discard(runtime, runtime.schema());
        if (e.getCause() instanceof SalesforceException se) {
          throw se;
        }
        throw e;
      } catch (RuntimeException e) {
        discard(runtime, runtime.schema());
        throw e;
      }
      runtime.start().run(); // a spare's dispatcher polls only once the org is handed out
      created.put(runtime.routed().identity().orgId(), runtime);
      router.add(runtime.routed());
      return runtime.routed().identity();
    } finally {
      prepareSpare(); // once this create's statements ran: a build competes with them for the CPU
    }
  }

  /**
   * A new org over a migrated schema, its startup fixtures loaded (its first reset, whose result
   * later resets put back).
   */
  private OrgRuntime build() {
    OrgIdentity identity = OrgIdentity.generate(random);
    String schema = "org_" + HexFormat.of().formatHex(bytes());
    database.createOrgSchema(schema);
    OrgRuntime runtime = null;
    try {
      runtime = factory.build(identity, schema, startupFixtures);
      Seed s = seed;
      if (s != null) {
        runtime.reset().adopt(s.template().forOrg(schema, s.replacements(identity)));
      }
      runtime.reset().reset();
      ResetTemplate t = runtime.reset().template();
      if (s == null && t != null) {
        seed = new Seed(identity, t);
      }
      return runtime;
    } catch (RuntimeException e) {
      discard(runtime, schema);
      throw e;
    }
  }

  /**
   * The first org this directory built in full (its startup fixtures loaded a record at a time):
   * later ones take its reset template, moved to their identity, instead of loading them again.
   */
  private record Seed(OrgIdentity identity, ResetTemplate template) {
    /** The seed's identity values in its rows, each to {@code org}'s. */
    Map<String, String> replacements(OrgIdentity org) {
      return Map.of(
          identity.orgId(), org.orgId(),
          identity.orgName(), org.orgName(),
          identity.userId(), org.userId(),
          identity.username(), org.username(),
          identity.integrationUserId(), org.integrationUserId());
    }
  }

  private volatile @Nullable Seed seed;

  @Override
  public List<OrgIdentity> list() {
    List<OrgIdentity> all = new ArrayList<>();
    all.add(defaultOrg.routed().identity());
    created.values().forEach(r -> all.add(r.routed().identity()));
    return all;
  }

  @Override
  public boolean delete(String orgId) {
    Optional<OrgRouter.RoutedOrg> org = router.find(orgId);
    if (org.isEmpty()) {
      return false;
    }
    if (org.get().identity().equals(defaultOrg.routed().identity())) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_OPERATION, "The default org cannot be deleted; reset it instead.");
    }
    OrgRuntime runtime = created.remove(org.get().identity().orgId());
    router.remove(orgId);
    if (runtime != null) {
      slots.release();
      discard(runtime, runtime.schema());
    }
    return true;
  }

  /**
   * Prepares orgs in the background up to {@link #READY} waiting, so that {@link #create} only
   * resets one (its template already captured) and routes it.
   */
  void prepareSpare() {
    background.execute(
        () -> {
          if (ready.size() >= READY) {
            return;
          }
          building.set(true);
          try {
            ready.add(build());
          } catch (RuntimeException e) {
            LOG.warn("Could not prepare a spare org: {}", e.getMessage());
          } finally {
            building.set(false);
          }
        });
  }

  private byte[] bytes() {
    byte[] b = new byte[6];
    random.nextBytes(b);
    return b;
  }

  private void discard(@Nullable OrgRuntime runtime, String schema) {
    if (runtime != null) {
      closeQuietly(runtime.background());
    }
    database.dropSchema(schema);
  }

  @Override
  public void close() {
    background.shutdownNow();
    try {
      background.awaitTermination(
          1, TimeUnit.SECONDS); // a spare half-migrated is dropped later (next start, or below)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    created.values().forEach(r -> closeQuietly(r.background()));
    ready.forEach(r -> closeQuietly(r.background()));
    closeQuietly(defaultOrg.background());
    // Created orgs and spares live only as long as this process: an external database keeps just
    // the default org.
    if (!dropAtClose) {
      return;
    }
    try {
      created.values().forEach(r -> database.dropSchema(r.schema()));
      ready.forEach(r -> database.dropSchema(r.schema()));
    } catch (RuntimeException e) {
      LOG.warn("Could not drop org schemas: {}", e.getMessage());
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("Org shutdown: {}", e.getMessage());
    }
  }
}
