package dev.sfsim.simulator.admin;

/**
 * Every path of the simulator-only admin API ({@code /__admin/...}), shared by the server's route
 * registration and the Testcontainers module's admin client, so the two cannot drift apart. Path
 * templates use Javalin's {@code {name}} syntax; {@link #fill} replaces their parameters. Every
 * path except {@link #HEALTH} and the console ({@link #UI}) also answers per org under {@link
 * #ORGS}{@code /{orgId}} ({@link #forOrg}). The contract of each path is served at {@link
 * #OPENAPI}.
 *
 * <p>Only {@code java.*} may be imported here: the module's client links against this class alone.
 */
public final class AdminPaths {
  /** The root of the admin API. */
  public static final String ROOT = "/__admin";

  /** {@code GET}: liveness and the database's state; needs no admin token. */
  public static final String HEALTH = ROOT + "/health";

  /** {@code POST}: load records and components (a fixture document). */
  public static final String FIXTURES = ROOT + "/fixtures";

  /** {@code POST}: back to the startup state (records, messaging, sessions, clock, journal). */
  public static final String RESET = ROOT + "/reset";

  /** {@code GET}: what the fake channels "received". */
  public static final String OUTBOX = ROOT + "/outbox";

  /** {@code GET}, {@code POST}: the simulated clock (read, move, freeze). */
  public static final String CLOCK = ROOT + "/clock";

  /** {@code GET}, {@code POST}, {@code DELETE}: fault rules of the fake channels. */
  public static final String FAULTS = ROOT + "/faults";

  /** {@code DELETE}: one fault rule. */
  public static final String FAULT = FAULTS + "/{id}";

  /** {@code POST}: an end user's inbound message (replies, STOP/START consent keywords). */
  public static final String MESSAGING_INBOUND = ROOT + "/messaging/inbound";

  /** {@code POST}: a delivery receipt for one sent message. */
  public static final String MESSAGING_DELIVERED =
      ROOT + "/messaging/{messageIdentifier}/delivered";

  /** {@code POST}: a read receipt for one sent message. */
  public static final String MESSAGING_READ = ROOT + "/messaging/{messageIdentifier}/read";

  /** {@code GET}: channels with their end users and sessions (the console). */
  public static final String MESSAGING_CONVERSATIONS = ROOT + "/messaging/conversations";

  /** {@code GET}: one messaging session's thread (the console). */
  public static final String MESSAGING_SESSION = ROOT + "/messaging/sessions/{id}";

  /**
   * {@code POST}: an agent action on a messaging session; {@code {action}} is {@code accept},
   * {@code transfer}, {@code end} or {@code error}.
   */
  public static final String MESSAGING_SESSION_ACTION = MESSAGING_SESSION + "/{action}";

  /** {@code GET}: send requests with their recipients (the console). */
  public static final String MESSAGING_REQUESTS = ROOT + "/messaging/requests";

  /** {@code GET}: the Server-Sent Events stream of messaging events. */
  public static final String EVENTS = ROOT + "/events";

  /** {@code GET}, {@code DELETE}: the request journal. */
  public static final String REQUESTS = ROOT + "/requests";

  /** {@code GET}, {@code POST}: the orgs; {@code POST} creates one. */
  public static final String ORGS = ROOT + "/orgs";

  /** {@code DELETE}: one created org. */
  public static final String ORG = ORGS + "/{orgId}";

  /** {@code GET}, {@code POST}, {@code DELETE}: certificates of the JWT bearer flow. */
  public static final String OAUTH_CERTIFICATES = ROOT + "/oauth/certificates";

  /** {@code GET}: the OpenAPI document of this admin API. */
  public static final String OPENAPI = ROOT + "/openapi.json";

  /** {@code GET}: the web console. */
  public static final String UI = ROOT + "/ui";

  /** {@code GET}: one file of the web console. */
  public static final String UI_FILE = UI + "/{file}";

  private AdminPaths() {}

  /**
   * The per-org form of an admin path: {@code forOrg("00D…", RESET)} is {@code
   * /__admin/orgs/00D…/reset}.
   *
   * @throws IllegalArgumentException if {@code path} is not under {@link #ROOT}
   */
  public static String forOrg(String orgId, String path) {
    if (!path.startsWith(ROOT + "/")) {
      throw new IllegalArgumentException("Not an admin path: " + path);
    }
    return ORGS + "/" + orgId + path.substring(ROOT.length());
  }

  /**
   * A template with its parameters filled in order: {@code fill(FAULT, "7")} is {@code
   * /__admin/faults/7}. Values are inserted as given (encode them first if they may contain {@code
   * /}, {@code ?} or {@code %}).
   *
   * @throws IllegalArgumentException if the number of values differs from the parameters
   */
  public static String fill(String template, String... values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int at = 0;
    while (true) {
      int open = template.indexOf('{', at);
      if (open < 0) {
        break;
      }
      int close = template.indexOf('}', open);
      if (i >= values.length) {
        throw new IllegalArgumentException("Too few values for " + template);
      }
      out.append(template, at, open).append(values[i++]);
      at = close + 1;
    }
    if (i != values.length) {
      throw new IllegalArgumentException("Too many values for " + template);
    }
    return out.append(template.substring(at)).toString();
  }
}
