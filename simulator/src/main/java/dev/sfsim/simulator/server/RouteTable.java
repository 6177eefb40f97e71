package dev.sfsim.simulator.server;

import static io.javalin.http.HandlerType.AFTER;
import static io.javalin.http.HandlerType.BEFORE;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.HEAD;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import dev.sfsim.simulator.admin.AdminPaths;
import dev.sfsim.simulator.admin.ConsoleFileRoutes;
import dev.sfsim.simulator.admin.OpenApiRoutes;
import dev.sfsim.simulator.admin.OrgRoutes;
import dev.sfsim.simulator.auth.AdminTokenFilter;
import dev.sfsim.simulator.http.DatabaseGate;
import dev.sfsim.simulator.http.StartGate;
import dev.sfsim.simulator.messaging.persistence.SessionActions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every route of the simulator, Salesforce's and the admin API's, in one table read top to bottom
 * (the order Javalin tries them in). The org is chosen once per request, by the {@code BEFORE *}
 * filter of {@link OrgRouter}; an org route then runs the handler of that org ({@link
 * OrgHandlers}). Admin routes of an org also answer under {@code /__admin/orgs/{orgId}/...}.
 */
public final class RouteTable {
  private static final String DATA = "/services/data/{version}";
  private static final List<HandlerType> REST_METHODS =
      List.of(GET, HEAD, POST, PATCH, PUT, DELETE);

  private final AdminTokenFilter adminToken;
  private final StartGate startGate;
  private final OpenApiRoutes openApi;
  private final ConsoleFileRoutes consoleFiles;
  private final List<String> registered = new ArrayList<>();
  private @Nullable RoutesConfig routes; // set by register(), before the first add()

  /** What needs the database, set by {@link #serve} before the start gate opens. */
  private volatile @Nullable Served served;

  private record Served(DatabaseGate databaseGate, OrgRouter router, OrgRoutes orgs) {}

  /**
   * The table's server-wide parts; what needs the database comes with {@link #serve}, before {@code
   * startGate} lets the first request through.
   */
  public RouteTable(
      AdminTokenFilter adminToken,
      StartGate startGate,
      OpenApiRoutes openApi,
      ConsoleFileRoutes consoleFiles) {
    this.adminToken = adminToken;
    this.startGate = startGate;
    this.openApi = openApi;
    this.consoleFiles = consoleFiles;
  }

  /** The parts that need the database: call once, before the start gate opens. */
  public void serve(DatabaseGate databaseGate, OrgRouter router, OrgRoutes orgs) {
    this.served = new Served(databaseGate, router, orgs);
  }

  /** Registers the table on the server (its handlers need {@link #serve} only once they run). */
  public void register(RoutesConfig routes) {
    this.routes = routes;

    // Before anything: the admin token, then in one filter (one handler call a request) the
    // start, the database's health and the request's org.
    startGate.register(routes);
    add(BEFORE, "/__admin/*", adminToken::check);
    add(
        BEFORE,
        "*",
        ctx -> {
          startGate.check(ctx);
          Served s = served();
          s.databaseGate().check(ctx);
          s.router().resolve(ctx);
        });

    // REST API: every call is authenticated and counted.
    org(BEFORE, "/services/data/*", o -> o.auth()::check);
    org(BEFORE, "/services/data/*", o -> o.usage()::count);

    // OAuth 2.0 and SOAP login (the login host).
    org(POST, "/services/oauth2/token", o -> o.oauth()::token);
    org(GET, "/services/oauth2/authorize", o -> o.oauth()::authorize);
    org(POST, "/services/oauth2/authorize", o -> o.oauth()::authorize);
    org(POST, "/services/oauth2/revoke", o -> o.oauth()::revokeForm);
    org(GET, "/services/oauth2/revoke", o -> o.oauth()::revokeQuery);
    org(POST, "/services/oauth2/introspect", o -> o.oauth()::introspect);
    org(POST, "/services/Soap/u/{version}", o -> o.soap()::soap);
    org(POST, "/services/Soap/u/{version}/{orgId}", o -> o.soap()::soap);
    org(POST, AdminPaths.OAUTH_CERTIFICATES, o -> o.certificates()::register);
    org(GET, AdminPaths.OAUTH_CERTIFICATES, o -> o.certificates()::list);
    org(DELETE, AdminPaths.OAUTH_CERTIFICATES, o -> o.certificates()::clear);

    // Identity.
    org(GET, "/id/{orgId}/{userId}", o -> o.identity()::identity);
    org(GET, "/services/oauth2/userinfo", o -> o.identity()::userinfo);
    org(POST, "/services/oauth2/userinfo", o -> o.identity()::userinfo);

    // REST API: versions and resources, queries, records and composite calls, limits.
    org(GET, "/services/data", o -> o.service()::versions);
    org(GET, DATA, o -> o.service()::resources);
    org(GET, DATA + "/query", o -> o.query()::query);
    org(GET, DATA + "/queryAll", o -> o.query()::queryAll);
    org(GET, DATA + "/query/{locator}", o -> o.query()::next);
    org(GET, DATA + "/queryAll/{locator}", o -> o.query()::next);
    for (String root : List.of("sobjects", "composite")) {
      for (HandlerType m : REST_METHODS) {
        org(m, DATA + "/" + root, o -> o.sobjects()::handle);
        org(m, DATA + "/" + root + "/<rest>", o -> o.sobjects()::handle);
      }
    }
    org(GET, DATA + "/limits", o -> o.limits()::limits);

    // Invocable actions and Connect.
    org(POST, DATA + "/actions/standard/{action}", o -> o.actions()::invoke);
    org(GET, DATA + "/actions", o -> o.actionCatalog()::actions);
    org(GET, DATA + "/actions/standard", o -> o.actionCatalog()::standard);
    org(GET, DATA + "/actions/custom", o -> o.actionCatalog()::custom);
    org(GET, DATA + "/actions/standard/{action}", o -> o.actionCatalog()::describe);
    org(HEAD, DATA + "/actions/standard/{action}", o -> o.actionCatalog()::describe);

    // Admin API of an org.
    org(GET, AdminPaths.HEALTH, o -> o.admin()::health);
    org(POST, AdminPaths.FIXTURES, o -> o.admin()::loadFixtures);
    org(POST, AdminPaths.RESET, o -> o.admin()::reset);
    org(GET, AdminPaths.OUTBOX, o -> o.admin()::listOutbox);
    org(GET, AdminPaths.CLOCK, o -> o.messaging()::clock);
    org(POST, AdminPaths.CLOCK, o -> o.messaging()::moveClock);
    org(POST, AdminPaths.FAULTS, o -> o.messaging()::addFault);
    org(GET, AdminPaths.FAULTS, o -> o.messaging()::listFaults);
    org(DELETE, AdminPaths.FAULTS, o -> o.messaging()::deleteFaults);
    org(DELETE, AdminPaths.FAULT, o -> o.messaging()::deleteFault);
    org(POST, AdminPaths.MESSAGING_INBOUND, o -> o.messaging()::inbound);
    org(POST, AdminPaths.MESSAGING_DELIVERED, o -> o.messaging()::delivered);
    org(POST, AdminPaths.MESSAGING_READ, o -> o.messaging()::read);
    for (SessionActions.Action a : SessionActions.Action.values()) {
      org(
          POST,
          AdminPaths.fill(AdminPaths.MESSAGING_SESSION_ACTION, "{id}", a.pathName()),
          o -> ctx -> o.sessions().apply(ctx, a));
    }
    org(GET, AdminPaths.MESSAGING_CONVERSATIONS, o -> o.console()::conversations);
    org(GET, AdminPaths.MESSAGING_SESSION, o -> o.console()::session);
    org(GET, AdminPaths.MESSAGING_REQUESTS, o -> o.console()::requests);
    org(GET, AdminPaths.EVENTS, o -> o.events()::open);
    org(
        GET,
        DATA + "/connect/conversation/{conversationIdentifier}/entries",
        o -> o.conversations()::entries);
    org(GET, AdminPaths.REQUESTS, o -> o.journal()::list);
    org(DELETE, AdminPaths.REQUESTS, o -> o.journal()::clear);

    // After the org's handler: the request journal (none while starting: health's early answer
    // comes before any org is chosen), then the start gate's note of the first answer.
    add(
        AFTER,
        "*",
        ctx -> {
          Served s = served;
          if (s != null) {
            s.router().journal(ctx);
          }
          startGate.answered(ctx);
        });

    // Server-wide admin API: orgs, the contract, the console's files.
    add(POST, AdminPaths.ORGS, ctx -> served().orgs().create(ctx));
    add(GET, AdminPaths.ORGS, ctx -> served().orgs().list(ctx));
    add(DELETE, AdminPaths.ORG, ctx -> served().orgs().delete(ctx));
    add(GET, AdminPaths.OPENAPI, openApi::document);
    add(GET, "/", consoleFiles::root);
    add(GET, AdminPaths.UI, consoleFiles::index);
    add(GET, AdminPaths.UI_FILE, consoleFiles::file);
  }

  private Served served() {
    return java.util.Objects.requireNonNull(served, "serve() before the start gate opens");
  }

  /**
   * Every HTTP route registered, as {@code "METHOD /path"} (Javalin's {@code {param}} syntax),
   * filters left out.
   */
  public List<String> routes() {
    return List.copyOf(registered);
  }

  /**
   * A route of every org: runs the handler of the request's org; an admin path (but health) also
   * answers under {@code /__admin/orgs/{orgId}/...}.
   */
  private void org(HandlerType method, String path, Function<OrgHandlers, Handler> handler) {
    Handler h =
        ctx -> {
          OrgRouter.RoutedOrg org = OrgRouter.org(ctx);
          if (org != null) {
            handler.apply(org.handlers()).handle(ctx);
          }
        };
    add(method, path, h);
    if (path.startsWith(AdminPaths.ROOT + "/") && !path.equals(AdminPaths.HEALTH)) {
      add(
          method,
          OrgRouter.ORG_ADMIN_PREFIX
              + "{"
              + OrgRouter.ORG_PATH_PARAM
              + "}"
              + path.substring(AdminPaths.ROOT.length()),
          h);
    }
  }

  private void add(HandlerType method, String path, Handler handler) {
    java.util.Objects.requireNonNull(routes, "register() first")
        .addEndpoint(new Endpoint(method, path, handler));
    if (method.isHttpMethod()) {
      registered.add(method.name() + " " + path);
    }
  }
}
