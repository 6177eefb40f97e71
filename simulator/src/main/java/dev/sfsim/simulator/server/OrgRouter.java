package dev.sfsim.simulator.server;

import dev.sfsim.simulator.auth.AuthFilter;
import dev.sfsim.simulator.auth.LoginRouting;
import dev.sfsim.simulator.http.HttpServer;
import dev.sfsim.simulator.http.JournalMasking;
import dev.sfsim.simulator.http.RequestJournal;
import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.OrgIdentity;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends each request to the org it belongs to (admin API contract: {@code GET
 * /__admin/openapi.json}): the org of the access token (tokens start with the 15-character org id,
 * as Salesforce's do), of a login-host request ({@link LoginRouting}: token grants, authorize,
 * revoke, introspect, SOAP login and logout), of an {@code /id/{orgId}/...} path, or of an {@code
 * /__admin/orgs/{orgId}/...} path; everything else goes to the default org. The {@link RouteTable}
 * registers each path once and calls the handler of the request's org. Also records each non-admin
 * request in the org's {@link RequestJournal}.
 */
public final class OrgRouter {
  /**
   * Bodies of login-host requests above this size are refused (413) unread: a JWT assertion or SOAP
   * login is a few KB.
   */
  static final long MAX_LOGIN_BODY_BYTES = 64 * 1024;

  /** Path prefix of the per-org admin endpoints. */
  public static final String ORG_ADMIN_PREFIX = "/__admin/orgs/";

  private static final String ORG_ATTRIBUTE = "sfsim.org";
  private static final String STARTED_ATTRIBUTE = "sfsim.started";
  private static final String RECEIVED_ATTRIBUTE = "sfsim.receivedAt";
  static final String ORG_PATH_PARAM = "sfsimOrgId";

  /** What the router knows of an org. */
  public record RoutedOrg(OrgIdentity identity, OrgHandlers handlers, RequestJournal journal) {}

  private final Map<String, RoutedOrg> orgs = new ConcurrentHashMap<>();
  private final RoutedOrg defaultOrg;

  public OrgRouter(RoutedOrg defaultOrg) {
    this.defaultOrg = defaultOrg;
    add(defaultOrg);
  }

  public void add(RoutedOrg org) {
    orgs.put(org.identity().orgId15(), org);
  }

  public void remove(String orgId) {
    orgs.remove(to15(orgId));
  }

  public Optional<RoutedOrg> find(String orgId) {
    return Optional.ofNullable(orgId).map(OrgRouter::to15).map(orgs::get);
  }

  public Collection<RoutedOrg> all() {
    return List.copyOf(orgs.values());
  }

  /** The org the request was routed to (the default org before routing). */
  public static RoutedOrg org(Context ctx) {
    return ctx.attribute(ORG_ATTRIBUTE);
  }

  /** Before every request: chooses its org, once (404 for an unknown org of an org admin path). */
  void resolve(Context ctx) {
    ctx.attribute(STARTED_ATTRIBUTE, System.nanoTime());
    ctx.attribute(RECEIVED_ATTRIBUTE, Instant.now());
    String path = Requests.path(ctx);
    if (isLoginPath(path) && ctx.req().getContentLengthLong() > MAX_LOGIN_BODY_BYTES) {
      // Checked before anything reads the body: an unauthenticated caller cannot make the server
      // buffer megabytes.
      ctx.attribute(ORG_ATTRIBUTE, defaultOrg);
      throw new SalesforceException(
          413, ErrorCode.REQUEST_ENTITY_TOO_LARGE, "The request body is too large.");
    }
    ctx.attribute(ORG_ATTRIBUTE, orgOf(ctx));
  }

  /**
   * Whether the journal may read the body: the caller was authenticated, or sent a login body
   * within its limit.
   */
  private static boolean bodyWasAccepted(Context ctx, long length) {
    if (length > HttpServer.MAX_REQUEST_BYTES) {
      return false;
    }
    if (isLoginPath(Requests.path(ctx))) {
      return length <= MAX_LOGIN_BODY_BYTES;
    }
    return ctx.attribute(Requests.SESSION_ATTRIBUTE) != null;
  }

  /**
   * Token grants, authorize, revoke, introspect and SOAP login: the bodies a caller sends before it
   * is authenticated.
   */
  private static boolean isLoginPath(String path) {
    return path.startsWith("/services/oauth2/") || path.startsWith("/services/Soap/");
  }

  private RoutedOrg orgOf(Context ctx) {
    String path = Requests.path(ctx);
    if (path.startsWith(ORG_ADMIN_PREFIX)) {
      String id = path.substring(ORG_ADMIN_PREFIX.length()).split("/", 2)[0];
      return find(id)
          .orElseThrow(
              () ->
                  new SalesforceException(
                      404, ErrorCode.NOT_FOUND, "No org with id '" + id + "'."));
    }
    if (path.startsWith("/__admin/")) {
      return defaultOrg;
    }
    String auth = ctx.header("Authorization");
    if (auth != null && auth.indexOf('!') > 0) {
      String token = AuthFilter.afterScheme(auth);
      int bang = token.indexOf('!');
      if (bang > 0) {
        return find(token.substring(0, bang)).orElse(defaultOrg);
      }
    }
    LoginRouting.Hint hint = LoginRouting.of(ctx, path);
    if (hint != null) {
      return byHint(hint).orElse(defaultOrg);
    }
    if (path.startsWith("/id/")) {
      return find(path.substring(4).split("/", 2)[0]).orElse(defaultOrg);
    }
    return defaultOrg;
  }

  /** After every request but admin calls: records it in its org's request journal. */
  void journal(Context ctx) {
    RoutedOrg org = ctx.attribute(ORG_ATTRIBUTE);
    Long started = ctx.attribute(STARTED_ATTRIBUTE);
    if (org == null || started == null || Requests.path(ctx).startsWith("/__admin/")) {
      return;
    }
    Map<String, String> query = new LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
    RequestJournal journal = org.journal();
    long length = Math.max(0, ctx.req().getContentLengthLong());
    String body = "";
    long truncated = 0;
    if (ctx.header("Content-Length") == null && ctx.header("Transfer-Encoding") == null) {
      body = ""; // no body (RFC 9112 §6.3)
    } else if (!bodyWasAccepted(ctx, length)) {
      truncated = length; // refused before authentication or too large: the body stays unread
    } else {
      byte[] all = ctx.bodyAsBytes();
      String masked =
          JournalMasking.body(ctx.contentType(), new String(all, StandardCharsets.UTF_8));
      byte[] kept = masked.getBytes(StandardCharsets.UTF_8);
      int keep = Math.min(kept.length, journal.bodyLimit());
      body = new String(kept, 0, keep, StandardCharsets.UTF_8);
      truncated = kept.length - keep;
    }
    journal.add(
        new RequestJournal.Entry(
            RequestJournal.newId(),
            ctx.attribute(RECEIVED_ATTRIBUTE),
            ctx.method().name(),
            ctx.path(),
            JournalMasking.query(query),
            JournalMasking.headers(ctx.req()),
            body,
            ctx.statusCode(),
            (System.nanoTime() - started) / 1_000_000,
            truncated));
  }

  /**
   * The org a login-host hint names: by org id, else by username (case-insensitive, as
   * Salesforce's), else by client id.
   */
  private Optional<RoutedOrg> byHint(LoginRouting.Hint hint) {
    if (hint.orgId() != null) {
      Optional<RoutedOrg> org = find(hint.orgId());
      if (org.isPresent()) {
        return org;
      }
    }
    if (hint.username() != null) {
      return orgs.values().stream()
          .filter(o -> o.identity().username().equalsIgnoreCase(hint.username().trim()))
          .findFirst();
    }
    if (hint.clientId() == null) {
      return Optional.empty();
    }
    return orgs.values().stream()
        .filter(o -> o.identity().clientId().equals(hint.clientId()))
        .findFirst();
  }

  private static String to15(String id) {
    return id.length() == 18 ? id.substring(0, 15) : id;
  }
}
