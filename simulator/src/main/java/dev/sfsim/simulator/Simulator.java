package dev.sfsim.simulator;

import dev.sfsim.simulator.action.ActionCatalogRoutes;
import dev.sfsim.simulator.action.ActionRoutes;
import dev.sfsim.simulator.action.SendConversationMessagesService;
import dev.sfsim.simulator.admin.AdminRoutes;
import dev.sfsim.simulator.admin.ConsoleFileRoutes;
import dev.sfsim.simulator.admin.ConsoleRoutes;
import dev.sfsim.simulator.admin.EventStreamRoutes;
import dev.sfsim.simulator.admin.FixtureService;
import dev.sfsim.simulator.admin.JournalRoutes;
import dev.sfsim.simulator.admin.MessagingAdminRoutes;
import dev.sfsim.simulator.admin.OpenApiRoutes;
import dev.sfsim.simulator.admin.OrgRoutes;
import dev.sfsim.simulator.admin.ResetService;
import dev.sfsim.simulator.admin.SessionAdminRoutes;
import dev.sfsim.simulator.admin.StartupFixtures;
import dev.sfsim.simulator.auth.AdminTokenFilter;
import dev.sfsim.simulator.auth.AuthFilter;
import dev.sfsim.simulator.auth.AuthReset;
import dev.sfsim.simulator.auth.CertificateRoutes;
import dev.sfsim.simulator.auth.Certificates;
import dev.sfsim.simulator.auth.IdentityRoutes;
import dev.sfsim.simulator.auth.OAuthRoutes;
import dev.sfsim.simulator.auth.SoapRoutes;
import dev.sfsim.simulator.auth.TokenService;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.CustomFields;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.composite.RestDispatcher;
import dev.sfsim.simulator.composite.SObjectRoutes;
import dev.sfsim.simulator.connect.ConversationRoutes;
import dev.sfsim.simulator.http.ApiUsage;
import dev.sfsim.simulator.http.DatabaseGate;
import dev.sfsim.simulator.http.HttpServer;
import dev.sfsim.simulator.http.LimitsRoutes;
import dev.sfsim.simulator.http.RequestJournal;
import dev.sfsim.simulator.http.ServiceRoutes;
import dev.sfsim.simulator.http.StartGate;
import dev.sfsim.simulator.messaging.DispatchThreads;
import dev.sfsim.simulator.messaging.Dispatcher;
import dev.sfsim.simulator.messaging.MessagingSettings;
import dev.sfsim.simulator.messaging.RequestWriter;
import dev.sfsim.simulator.messaging.persistence.ComponentRepository;
import dev.sfsim.simulator.messaging.persistence.ConsoleRepository;
import dev.sfsim.simulator.messaging.persistence.EndUserMessages;
import dev.sfsim.simulator.messaging.persistence.FaultRepository;
import dev.sfsim.simulator.messaging.persistence.JdbiMessagingStore;
import dev.sfsim.simulator.messaging.persistence.MessagingReset;
import dev.sfsim.simulator.messaging.persistence.OutboxRepository;
import dev.sfsim.simulator.messaging.persistence.SessionActions;
import dev.sfsim.simulator.messaging.persistence.TranscriptRepository;
import dev.sfsim.simulator.org.OrgIdentity;
import dev.sfsim.simulator.persistence.Database;
import dev.sfsim.simulator.query.QueryExplainer;
import dev.sfsim.simulator.query.QueryReset;
import dev.sfsim.simulator.query.QueryRoutes;
import dev.sfsim.simulator.query.QueryService;
import dev.sfsim.simulator.server.OrgDirectory;
import dev.sfsim.simulator.server.OrgHandlers;
import dev.sfsim.simulator.server.OrgRouter;
import dev.sfsim.simulator.server.OrgRuntime;
import dev.sfsim.simulator.server.RouteTable;
import dev.sfsim.simulator.sobject.RecordRepository;
import dev.sfsim.simulator.sobject.RecordReset;
import dev.sfsim.simulator.soql.SoqlCompiler;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The composition root: starts the database, builds the default org ({@link #buildOrg}: every
 * per-org service, handler and dispatcher), loads the startup fixtures, and starts the HTTP server
 * with the {@link RouteTable}: every route in one place, the request's org chosen once by the
 * {@link OrgRouter}. {@link OrgDirectory} creates further orgs with the same factory. {@link
 * #close()} stops all of it, embedded PostgreSQL included.
 */
public final class Simulator implements AutoCloseable {
  /**
   * How long a request that comes while the simulator starts waits for it (then 503): longer than
   * any start, shorter than a client's patience.
   */
  private static final java.time.Duration START_WAIT = java.time.Duration.ofSeconds(60);

  private final SimulatorConfig config;
  private final OrgIdentity org;
  private final Database database;

  /** The standard objects plus the custom fields of {@code SFSIM_CUSTOM_FIELDS}. */
  private final Catalog catalog;

  /** When the simulator started: the {@code If-Modified-Since} reference of describe resources. */
  private final Instant started = Instant.now();

  private final StartupFixtures startupFixtures;
  private final OrgDirectory orgs;
  private final Javalin http;

  /** Every route, registered once on the server. */
  private final RouteTable routeTable;

  /** The dispatcher threads all orgs share: an org costs a scheduled task, not threads. */
  private final DispatchThreads dispatchThreads = new DispatchThreads();

  /**
   * The dispatchers of orgs built before the start is done (the default org's), started once it is:
   * polling from the first instant, a dispatcher's early ticks (the first loads Jdbi's SqlObject
   * machinery) took a fifth of the start's CPU and held the work lock a start-time reset waits for.
   * Work already due (a send cut short by a kill) is picked up by the first tick either way; no
   * request reaches an org before the start gate opens.
   */
  private final List<Dispatcher> notYetStarted = new java.util.ArrayList<>();

  private volatile boolean listening;

  /**
   * Writes every org's admin events to their SSE clients, so listeners never slow the work. Each
   * org has at most one task queued (its events wait, bounded, in its {@link EventStreamRoutes}),
   * so the queue is bounded by the orgs.
   */
  private final java.util.concurrent.ExecutorService eventWriter =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sfsim-admin-events");
            t.setDaemon(true);
            return t;
          });

  /**
   * Every org's event stream, closed before the server stops (open SSE responses would hold its
   * stop up).
   */
  private final java.util.Set<EventStreamRoutes> eventStreams =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Simulator(SimulatorConfig config) {
    StartupWarmup.start();
    this.config = config;
    this.org =
        OrgIdentity.defaultOrg(
            config.username(), config.clientId(), config.clientSecret(), config.password());
    this.startupFixtures = StartupFixtures.read(config.fixtureDirs());
    this.catalog = Catalog.standard().withCustomFields(CustomFields.read(config.customFields()));
    List<Database.ExtraColumn> columns =
        catalog.customFields().stream()
            .map(
                e ->
                    new Database.ExtraColumn(
                        e.getKey().table(),
                        e.getValue().column(),
                        e.getValue().type().sqlType(),
                        e.getValue().attributes().unique()))
            .toList();
    // PostgreSQL starts (its processes, the logins, the checks: mostly waiting) while this thread
    // does the set-up that needs no database and starts the server: requests that come before the
    // rest is built wait at the start gate (health answers DOWN meanwhile).
    CompletableFuture<Database> starting =
        CompletableFuture.supplyAsync(
            () ->
                config.databaseUrl() == null
                    ? Database.embedded(config.embeddedDirectory(), columns)
                    : Database.external(
                        config.databaseUrl(),
                        config.databaseUser(),
                        config.databasePassword(),
                        columns),
            Simulator::startDatabaseThread);
    StartGate gate =
        new StartGate(
            version(), config.databaseUrl() == null ? "embedded" : "external", START_WAIT);
    Javalin server = null;
    try {
      this.routeTable =
          new RouteTable(
              new AdminTokenFilter(config.adminToken()),
              gate,
              new OpenApiRoutes(version()),
              new ConsoleFileRoutes());
      server =
          HttpServer.create(
              config.tls(), config.bindAddress(), config.port(), routeTable::register);
      if (config.tls()) {
        server.start();
      } else {
        server.start(config.bindAddress(), config.port());
      }
    } catch (RuntimeException e) {
      if (server != null) {
        server.stop();
      }
      starting.thenAccept(Database::close);
      throw e;
    }
    this.http = server;
    try {
      this.database = awaitDatabase(starting);
    } catch (RuntimeException | Error e) {
      gate.fail();
      http.stop();
      throw e;
    }
    OrgRuntime defaultOrg = null;
    OrgDirectory directory = null;
    try {
      defaultOrg = buildOrg(org, Database.DEFAULT_SCHEMA, startupFixtures);
      defaultOrg.start().run();
      boolean pristine = database.claimPristine(pristineFingerprint());
      if (!pristine && (config.databaseUrl() == null || !defaultOrg.reset().seeded())) {
        defaultOrg.reset().reset();
      }
      OrgRouter router = new OrgRouter(defaultOrg.routed());
      directory =
          new OrgDirectory(
              database,
              defaultOrg,
              router,
              this::buildOrg,
              startupFixtures,
              config.maxOrgs(),
              config.databaseUrl() != null);
      this.orgs = directory;
      routeTable.serve(new DatabaseGate(database.health()::up), router, new OrgRoutes(orgs));
      listening = true;
      notYetStarted.forEach(Dispatcher::start);
      notYetStarted.clear();
      gate.open(database::serving);
    } catch (RuntimeException e) {
      // A failed start (a bad startup fixture) must not leave a dispatcher polling a closed
      // database.
      gate.fail();
      http.stop();
      if (directory != null) {
        directory.close();
      } else if (defaultOrg != null) {
        closeQuietly(defaultOrg.background());
      }
      dispatchThreads.close();
      database.close();
      eventWriter.shutdownNow();
      throw e;
    }
  }

  private static void startDatabaseThread(Runnable start) {
    Thread t = new Thread(start, "sfsim-database-start");
    t.setDaemon(true);
    t.start();
  }

  /** The started database, or the start's own exception (a bad URL, a failed migration). */
  private static Database awaitDatabase(CompletableFuture<Database> starting) {
    try {
      return starting.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // already failing to start; the original exception is what matters
    }
  }

  /**
   * What a reset's result depends on: the default org's identity, the startup fixtures and the
   * custom fields (a prepared directory's rows have no values, not even a Checkbox's default, in
   * columns added after it was made).
   */
  String pristineFingerprint() {
    // Spelled out rather than the records' toString: a record's first toString links its
    // ObjectMethods bootstrap, which no class cache holds (~12 ms of every start).
    StringBuilder f = new StringBuilder();
    for (String part :
        List.of(
            org.orgId(),
            org.orgName(),
            org.userId(),
            org.username(),
            org.integrationUserId(),
            org.clientId(),
            org.clientSecret(),
            org.password())) {
      f.append(part).append('|');
    }
    for (StartupFixtures.File file : startupFixtures.files()) {
      f.append(file.path()).append('|').append(file.body()).append('|');
    }
    if (!catalog.customFields().isEmpty()) {
      f.append(catalog.customFields());
    }
    return Integer.toHexString(f.toString().hashCode());
  }

  /**
   * The per-org factory: builds one org's service graph over its schema; its background work starts
   * with {@link OrgRuntime#start()}.
   */
  private OrgRuntime buildOrg(OrgIdentity org, String schema, StartupFixtures startupFixtures) {
    var jdbi = database.jdbi(schema);
    SimClock clock = database.clock(schema, jdbi);
    RecordRepository records = new RecordRepository(catalog);
    ComponentRepository components = new ComponentRepository();
    OutboxRepository outbox = new OutboxRepository(jdbi);
    TokenService tokens = new TokenService(jdbi, clock, config.sessionTimeout());
    Certificates certificates = new Certificates(jdbi, clock);
    FixtureService fixtures =
        new FixtureService(jdbi, catalog, records, components, clock, org.userId());
    Lock workLock = new ReentrantLock();
    ResetService reset =
        new ResetService(
            jdbi,
            List.of(
                new MessagingReset(), new AuthReset(), new QueryReset(), new RecordReset(catalog)),
            org,
            clock,
            fixtures,
            startupFixtures,
            workLock);
    RequestJournal journal =
        new RequestJournal(RequestJournal.DEFAULT_CAPACITY, config.journalMaxBytes());
    reset.onReset(journal::clear);
    reset.onReset(tokens::forgetSessions);
    AuthFilter auth = new AuthFilter(tokens);
    var store = new JdbiMessagingStore(jdbi, catalog, records, components);
    EventStreamRoutes events = new EventStreamRoutes(org.orgId(), eventWriter);
    eventStreams.add(events);
    Dispatcher dispatcher =
        new Dispatcher(
            store,
            clock,
            new MessagingSettings(
                config.latency(),
                config.immediateEntries(),
                config.maxInProgressRequests(),
                org.integrationUserId()),
            workLock,
            dispatchThreads,
            events);
    var send =
        new SendConversationMessagesService(
            jdbi,
            clock,
            components,
            new RequestWriter(store, dispatcher::wake),
            config.latency().pickupDelay);
    FaultRepository faults = new FaultRepository(jdbi);
    SoqlCompiler compiler = new SoqlCompiler(catalog);
    QueryService queries = new QueryService(jdbi, database.dataSource(schema), compiler, clock);
    ApiUsage usage = new ApiUsage(clock);
    var rest = new RestDispatcher(jdbi, catalog, records, queries, clock, started);
    OrgHandlers handlers =
        new OrgHandlers(
            auth,
            usage,
            OAuthRoutes.create(org, tokens, certificates, jdbi, clock, config.autoAuthorize()),
            new SoapRoutes(org, tokens),
            new CertificateRoutes(certificates),
            new IdentityRoutes(org, auth),
            new ServiceRoutes("/id/" + org.orgId() + "/" + org.userId()),
            new QueryRoutes(queries, new QueryExplainer(jdbi, compiler, clock)),
            new SObjectRoutes(rest),
            new LimitsRoutes(usage),
            new ActionRoutes(send),
            new ActionCatalogRoutes(started),
            new AdminRoutes(
                fixtures, reset, outbox, version(), database.kind(), database.health()::up),
            new MessagingAdminRoutes(
                clock,
                dispatcher,
                faults,
                new EndUserMessages(jdbi, clock, config.immediateEntries()),
                events),
            new SessionAdminRoutes(new SessionActions(jdbi, clock), dispatcher, events),
            new ConsoleRoutes(new ConsoleRepository(jdbi)),
            events,
            new ConversationRoutes(new TranscriptRepository(jdbi)),
            new JournalRoutes(journal));
    Runnable start =
        () -> {
          if (listening) {
            dispatcher.start();
          } else {
            notYetStarted.add(dispatcher);
          }
        };
    AutoCloseable background =
        () -> {
          eventStreams.remove(events);
          events.close();
          dispatcher.close();
        };
    return new OrgRuntime(
        new OrgRouter.RoutedOrg(org, handlers, journal), schema, reset, start, background);
  }

  /** Starts a simulator; returns once it accepts API calls. */
  public static Simulator start(SimulatorConfig config) {
    return new Simulator(config);
  }

  /** The port the server listens on (useful with port 0). */
  public int port() {
    return http.port();
  }

  /** Where the server listens: {@code <bind address>:<port>} ({@code SFSIM_BIND_ADDRESS}). */
  public String listensOn() {
    String host = config.bindAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /** {@code http://localhost:<port>}, or {@code https://} with {@code SFSIM_TLS=true}. */
  public String baseUrl() {
    return (config.tls() ? "https" : "http") + "://localhost:" + port();
  }

  public OrgIdentity org() {
    return org;
  }

  public SimulatorConfig config() {
    return config;
  }

  /** The simulator's version, from the build. */
  public static String version() {
    return Version.VALUE;
  }

  /** The version, read from the jar once (a start asks for it four times, each org once more). */
  private static final class Version {
    static final String VALUE = read();

    private Version() {}
  }

  private static String read() {
    try (InputStream in = Simulator.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  /**
   * Every HTTP route the server registered, as {@code "METHOD /path"} (Javalin's {@code {param}}
   * syntax).
   */
  public List<String> routes() {
    return routeTable.routes();
  }

  @Override
  public void close() {
    eventStreams.forEach(EventStreamRoutes::close);
    http.stop();
    // Dispatcher threads first (interrupted: a tick waiting for a connection gives up at once),
    // then the orgs: on
    // SIGTERM the embedded PostgreSQL's own shutdown hook stops the server meanwhile, and nothing
    // must wait for it.
    dispatchThreads.close();
    orgs.close();
    eventWriter.shutdownNow();
    database.close();
  }
}
