package dev.sfsim.simulator;

import dev.sfsim.simulator.messaging.LatencyProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the simulator is configured with, read once at start from {@code SFSIM_*} environment
 * variables.
 *
 * @param port HTTP port ({@code SFSIM_PORT}, default 8080; 0 picks a free one)
 * @param databaseUrl JDBC URL of an external PostgreSQL ({@code SFSIM_DATABASE_URL}); null starts
 *     an embedded one
 * @param databaseUser {@code SFSIM_DATABASE_USER}
 * @param databasePassword {@code SFSIM_DATABASE_PASSWORD}
 * @param clientId consumer key accepted by the token endpoint ({@code SFSIM_CLIENT_ID})
 * @param clientSecret consumer secret ({@code SFSIM_CLIENT_SECRET})
 * @param username the org's user ({@code SFSIM_USERNAME})
 * @param password that user's password ({@code SFSIM_PASSWORD})
 * @param fixtureDirs directories whose {@code *.json} files are loaded at start and on reset
 *     ({@code SFSIM_FIXTURES}, path list separated by the platform path separator or commas)
 * @param latency latency profile ({@code SFSIM_LATENCY_PROFILE}: {@code realistic}, the default, or
 *     {@code instant})
 * @param sessionTimeout lifetime of access tokens ({@code SFSIM_SESSION_TIMEOUT}, ISO-8601
 *     duration, default PT2H)
 * @param adminToken when set, {@code /__admin/**} (but health) needs {@code Authorization: Bearer
 *     <it>} ({@code SFSIM_ADMIN_TOKEN}); null leaves the admin API open
 * @param tls serve HTTPS (only) with a generated self-signed certificate ({@code SFSIM_TLS=true})
 * @param immediateEntries {@code SFSIM_CONVERSATION_ENTRIES=immediate}: every ConversationEntry
 *     appears at once with its text; {@code realistic} (the default) shows enhanced channels as a
 *     real org does
 * @param maxInProgressRequests at most this many ConvMessageSendRequests InProgress at once ({@code
 *     SFSIM_MAX_IN_PROGRESS_REQUESTS}, default 200, Salesforce's limit)
 * @param embeddedDirectory where the embedded PostgreSQL keeps its binaries and data between runs
 *     ({@code SFSIM_EMBEDDED_DIR}; the image prepares one at build time); null: a fresh temporary
 *     one
 * @param customFields the custom fields declared for the org's objects ({@code
 *     SFSIM_CUSTOM_FIELDS}: the JSON document {@code {"fields":[...]}} or the path of a file
 *     holding it; see {@code CustomFields}); null: none
 * @param bindAddress the address the HTTP server listens on ({@code SFSIM_BIND_ADDRESS}; default
 *     {@code 127.0.0.1}, loopback only; the image sets {@code 0.0.0.0}, as a container must)
 * @param autoAuthorize {@code SFSIM_AUTHORIZE=auto}: {@code /services/oauth2/authorize} approves at
 *     once, with no login step; {@code login} (the default) wants the configured username and
 *     password as parameters
 * @param journalMaxBytes the request journal of each org keeps at most about this many bytes
 *     ({@code SFSIM_JOURNAL_MAX_BYTES}, default 16 MiB); bodies are truncated and the oldest
 *     entries dropped, both counted
 * @param maxOrgs at most this many orgs made by {@code POST /__admin/orgs} at once ({@code
 *     SFSIM_MAX_ORGS}, default 100)
 */
public record SimulatorConfig(
    int port,
    @Nullable String databaseUrl,
    @Nullable String databaseUser,
    @Nullable String databasePassword,
    String clientId,
    String clientSecret,
    String username,
    String password,
    List<Path> fixtureDirs,
    LatencyProfile latency,
    Duration sessionTimeout,
    @Nullable String adminToken,
    boolean tls,
    boolean immediateEntries,
    int maxInProgressRequests,
    @Nullable Path embeddedDirectory,
    @Nullable String customFields,
    String bindAddress,
    boolean autoAuthorize,
    long journalMaxBytes,
    int maxOrgs) {

  public static final String DEFAULT_CLIENT_ID = "sfsim-client-id";
  public static final String DEFAULT_CLIENT_SECRET = "sfsim-client-secret";
  public static final String DEFAULT_USERNAME = "admin@sfsim.example";
  public static final String DEFAULT_PASSWORD = "sfsim-password";

  /**
   * Default of {@code SFSIM_BIND_ADDRESS}: loopback, so a shared host's network cannot reach the
   * admin API.
   */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

  public SimulatorConfig {
    fixtureDirs = List.copyOf(fixtureDirs);
  }

  /**
   * Defaults: port 8080, embedded PostgreSQL, default credentials, no fixtures, realistic latency.
   */
  public static SimulatorConfig defaults() {
    return fromEnvironment(Map.of());
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @throws IllegalArgumentException naming the variable whose value is invalid
   */
  public static SimulatorConfig fromEnvironment(Map<String, String> env) {
    return new SimulatorConfig(
        intValue(env, "SFSIM_PORT", 8080),
        blankToNull(env.get("SFSIM_DATABASE_URL")),
        blankToNull(env.get("SFSIM_DATABASE_USER")),
        blankToNull(env.get("SFSIM_DATABASE_PASSWORD")),
        env.getOrDefault("SFSIM_CLIENT_ID", DEFAULT_CLIENT_ID),
        env.getOrDefault("SFSIM_CLIENT_SECRET", DEFAULT_CLIENT_SECRET),
        env.getOrDefault("SFSIM_USERNAME", DEFAULT_USERNAME),
        env.getOrDefault("SFSIM_PASSWORD", DEFAULT_PASSWORD),
        paths(env.get("SFSIM_FIXTURES")),
        latency(env.get("SFSIM_LATENCY_PROFILE")),
        duration(env, "SFSIM_SESSION_TIMEOUT", Duration.ofHours(2)),
        blankToNull(env.get("SFSIM_ADMIN_TOKEN")),
        bool(env, "SFSIM_TLS"),
        entries(env.get("SFSIM_CONVERSATION_ENTRIES")),
        intValue(env, "SFSIM_MAX_IN_PROGRESS_REQUESTS", 200),
        pathOrNull(blankToNull(env.get("SFSIM_EMBEDDED_DIR"))),
        blankToNull(env.get("SFSIM_CUSTOM_FIELDS")),
        env.getOrDefault("SFSIM_BIND_ADDRESS", DEFAULT_BIND_ADDRESS).trim(),
        authorize(env.get("SFSIM_AUTHORIZE")),
        positive(env, "SFSIM_JOURNAL_MAX_BYTES", 16L * 1024 * 1024),
        (int) positive(env, "SFSIM_MAX_ORGS", 100));
  }

  public SimulatorConfig withBindAddress(String address) {
    return copy(b -> b.bindAddress = address);
  }

  public SimulatorConfig withAutoAuthorize(boolean auto) {
    return copy(b -> b.autoAuthorize = auto);
  }

  public SimulatorConfig withJournalMaxBytes(long bytes) {
    return copy(b -> b.journalMaxBytes = bytes);
  }

  public SimulatorConfig withMaxOrgs(int max) {
    return copy(b -> b.maxOrgs = max);
  }

  private static boolean authorize(@Nullable String v) {
    if (v == null || v.isBlank() || v.trim().equalsIgnoreCase("login")) {
      return false;
    }
    if (v.trim().equalsIgnoreCase("auto")) {
      return true;
    }
    throw new IllegalArgumentException(
        "SFSIM_AUTHORIZE must be 'login' or 'auto', was '" + v + "'");
  }

  private static long positive(Map<String, String> env, String name, long dflt) {
    String v = blankToNull(env.get(name));
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n > 0 && n <= Integer.MAX_VALUE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive number, was '" + v + "'");
  }

  public SimulatorConfig withPort(int newPort) {
    return copy(b -> b.port = newPort);
  }

  public SimulatorConfig withLatency(LatencyProfile profile) {
    return copy(b -> b.latency = profile);
  }

  public SimulatorConfig withSessionTimeout(Duration timeout) {
    return copy(b -> b.sessionTimeout = timeout);
  }

  public SimulatorConfig withAdminToken(String token) {
    return copy(b -> b.adminToken = token);
  }

  public SimulatorConfig withTls(boolean enabled) {
    return copy(b -> b.tls = enabled);
  }

  /**
   * With custom fields: a {@code {"fields":[...]}} JSON document or the path of a file holding one.
   */
  public SimulatorConfig withCustomFields(String pathOrJson) {
    return copy(b -> b.customFields = pathOrJson);
  }

  public SimulatorConfig withFixtureDirs(List<Path> dirs) {
    return copy(b -> b.fixtureDirs = dirs);
  }

  /**
   * With the embedded PostgreSQL's binaries and data kept in {@code directory} ({@code
   * SFSIM_EMBEDDED_DIR}): made on the first start there, migrated once per simulator jar.
   */
  public SimulatorConfig withEmbeddedDirectory(Path directory) {
    return copy(b -> b.embeddedDirectory = directory);
  }

  private static int intValue(Map<String, String> env, String name, int dflt) {
    String v = blankToNull(env.get(name));
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + v + "'");
    }
  }

  private static boolean bool(Map<String, String> env, String name) {
    String v = blankToNull(env.get(name));
    if (v == null) {
      return false;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be 'true' or 'false', was '" + v + "'");
    };
  }

  private static Duration duration(Map<String, String> env, String name, Duration dflt) {
    String v = blankToNull(env.get(name));
    if (v == null) {
      return dflt;
    }
    try {
      return Duration.parse(v.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 duration such as PT2H, was '" + v + "'");
    }
  }

  public SimulatorConfig withDatabaseUrl(String url) {
    return copy(b -> b.databaseUrl = url);
  }

  private static boolean entries(@Nullable String v) {
    if (v == null || v.isBlank() || v.trim().equalsIgnoreCase("realistic")) {
      return false;
    }
    if (v.trim().equalsIgnoreCase("immediate")) {
      return true;
    }
    throw new IllegalArgumentException(
        "SFSIM_CONVERSATION_ENTRIES must be 'realistic' or 'immediate', was '" + v + "'");
  }

  private static LatencyProfile latency(@Nullable String v) {
    if (v == null || v.isBlank()) {
      return LatencyProfile.REALISTIC;
    }
    try {
      return LatencyProfile.valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "SFSIM_LATENCY_PROFILE must be 'realistic' or 'instant', was '" + v + "'");
    }
  }

  private static List<Path> paths(@Nullable String v) {
    if (v == null || v.isBlank()) {
      return List.of();
    }
    return Arrays.stream(v.split("[,:;]"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Path::of)
        .toList();
  }

  private static @Nullable String blankToNull(@Nullable String v) {
    return v == null || v.isBlank() ? null : v;
  }

  /**
   * A copy with {@code change} applied: every {@code withXxx} goes through here, so a new field is
   * added in one place.
   */
  private SimulatorConfig copy(java.util.function.Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /** The mutable twin of this record that {@link #copy} edits. */
  private static final class Copy {
    int port;
    @Nullable String databaseUrl;
    @Nullable String databaseUser;
    @Nullable String databasePassword;
    String clientId;
    String clientSecret;
    String username;
    String password;
    List<Path> fixtureDirs;
    LatencyProfile latency;
    Duration sessionTimeout;
    @Nullable String adminToken;
    boolean tls;
    boolean immediateEntries;
    int maxInProgressRequests;
    @Nullable Path embeddedDirectory;
    @Nullable String customFields;
    String bindAddress;
    boolean autoAuthorize;
    long journalMaxBytes;
    int maxOrgs;

    Copy(SimulatorConfig c) {
      port = c.port;
      databaseUrl = c.databaseUrl;
      databaseUser = c.databaseUser;
      databasePassword = c.databasePassword;
      clientId = c.clientId;
      clientSecret = c.clientSecret;
      username = c.username;
      password = c.password;
      fixtureDirs = c.fixtureDirs;
      latency = c.latency;
      sessionTimeout = c.sessionTimeout;
      adminToken = c.adminToken;
      tls = c.tls;
      immediateEntries = c.immediateEntries;
      maxInProgressRequests = c.maxInProgressRequests;
      embeddedDirectory = c.embeddedDirectory;
      customFields = c.customFields;
      bindAddress = c.bindAddress;
      autoAuthorize = c.autoAuthorize;
      journalMaxBytes = c.journalMaxBytes;
      maxOrgs = c.maxOrgs;
    }

    SimulatorConfig build() {
      return new SimulatorConfig(
          port,
          databaseUrl,
          databaseUser,
          databasePassword,
          clientId,
          clientSecret,
          username,
          password,
          fixtureDirs,
          latency,
          sessionTimeout,
          adminToken,
          tls,
          immediateEntries,
          maxInProgressRequests,
          embeddedDirectory,
          customFields,
          bindAddress,
          autoAuthorize,
          journalMaxBytes,
          maxOrgs);
    }
  }

  private static @Nullable Path pathOrNull(@Nullable String value) {
    return value == null ? null : Path.of(value.trim());
  }
}
