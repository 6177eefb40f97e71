package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.admin.AdminPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's admin API ({@code /__admin}, documented by {@code GET /__admin/openapi.json}) for
 * one org: fixtures, reset, outbox, clock, faults, the request journal, JWT certificates, orgs and
 * the event stream; {@link #conversation()} plays the end user and the agent. JDK HTTP client;
 * results are records. Beside it: {@link #session()}, the org's Salesforce API as a test's own
 * client (OAuth login, SOQL, sObjects), and {@link #assertions()}, awaiting and verifying outcomes.
 *
 * <pre>{@code
 * SimulatorAdminClient admin = sfsim.getAdminClient();
 * FixturesResult seeded = admin.loadFixtures(Path.of("src/test/resources/fixtures/order-shipped.json"));
 * ... the code under test invokes sendConversationMessages ...
 * admin.assertions().verifyConversationMessagesSent(seeded.idOf("alice"), seeded.idOf("carol"));
 * SendRequestStatus done = admin.assertions().awaitRequestCompleted(requestId, Duration.ofSeconds(10));
 * }</pre>
 *
 * Every method throws {@link SimulatorAdminException} (status and body) when the simulator refuses
 * the call.
 */
public final class SimulatorAdminClient {
  private final AdminUrls urls;
  private final AdminHttp http;
  private final @Nullable String adminToken;
  private final SalesforceSession session;

  /**
   * @param instanceUrl the simulator's base URL, e.g. {@code http://localhost:32768}
   * @param clientId the org's consumer key (for {@link #session()})
   * @param clientSecret the org's consumer secret
   * @param username the org's user
   * @param password that user's password
   * @param apiVersion REST API version of data calls, e.g. {@code "60.0"}
   * @param adminToken the simulator's {@code SFSIM_ADMIN_TOKEN}, or null when admin calls need none
   */
  public SimulatorAdminClient(
      String instanceUrl,
      String clientId,
      String clientSecret,
      String username,
      String password,
      String apiVersion,
      @Nullable String adminToken) {
    this(
        new AdminUrls(Objects.requireNonNull(instanceUrl, "instanceUrl"), null),
        adminToken,
        new SalesforceSession(instanceUrl, apiVersion, clientId, clientSecret, username, password));
  }

  private SimulatorAdminClient(
      AdminUrls urls, @Nullable String adminToken, SalesforceSession session) {
    this.urls = urls;
    this.adminToken = adminToken;
    this.http = new AdminHttp(adminToken);
    this.session = session;
  }

  /**
   * A client for another org of the same simulator: admin calls under {@code
   * /__admin/orgs/{orgId}}, its credentials.
   */
  public SimulatorAdminClient forOrg(OrgCredentials org) {
    return new SimulatorAdminClient(
        new AdminUrls(urls.instanceUrl(), org.orgId()),
        adminToken,
        session.withCredentials(
            org.clientId(), org.clientSecret(), org.username(), org.password()));
  }

  /** The org's Salesforce API as user code calls it: OAuth login, SOQL, sObject calls. */
  public SalesforceSession session() {
    return session;
  }

  /**
   * The other side of the org's conversations: the end user writing and reading, agents and the
   * platform moving sessions.
   */
  public ConversationActions conversation() {
    return new ConversationActions(urls, http);
  }

  /** Awaiting and verifying outcomes: send requests, events, the request journal. */
  public SimulatorAssertions assertions() {
    return new SimulatorAssertions(this, session);
  }

  // ---- health

  /**
   * {@code GET /__admin/health} (needs no admin token).
   *
   * @throws SimulatorAdminException 503 while the simulator is still starting, or while its
   *     database does not answer (the body then says {@code "status":"DOWN"})
   */
  public HealthStatus health() {
    return AdminHttp.read(http.getTree(urls.global(AdminPaths.HEALTH)), HealthStatus.class);
  }

  // ---- fixtures and reset

  /**
   * Loads a fixtures body (sObject Tree records and messaging components); all or nothing.
   *
   * @throws SimulatorAdminException 400 naming the record and field at fault; nothing is loaded
   */
  public FixturesResult loadFixtures(String json) {
    return AdminHttp.read(
        AdminHttp.tree(http.json("POST", urls.org(AdminPaths.FIXTURES), json)),
        FixturesResult.class);
  }

  /** Loads a fixtures file. */
  public FixturesResult loadFixtures(Path file) {
    try {
      return loadFixtures(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** Loads a fixtures resource from the classpath, e.g. {@code "fixtures/order-shipped.json"}. */
  public FixturesResult loadFixturesFromClasspath(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No classpath resource " + resource);
      }
      return loadFixtures(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /**
   * Puts the org back to its startup state (records, components, tokens, outbox, journal, faults,
   * clock).
   */
  public void reset() {
    http.json("POST", urls.org(AdminPaths.RESET), null);
  }

  // ---- what the channels received

  /** Every message the fake channels received, oldest first. */
  public List<OutboxMessage> outbox() {
    return outbox(Map.of());
  }

  /** The messages of one send request. */
  public List<OutboxMessage> outboxOfRequest(String requestId) {
    return outbox(Map.of("requestId", requestId));
  }

  /**
   * Messages matching every given filter ({@code requestId}, {@code messagingEndUserId}, {@code
   * messagingPlatformKey}, {@code status} as {@link MessageStatus#wireValue()}).
   */
  public List<OutboxMessage> outbox(Map<String, String> filters) {
    JsonNode body =
        http.getTree(urls.org(AdminPaths.OUTBOX) + AdminUrls.query(Map.copyOf(filters)));
    return AdminHttp.readList(body.path("messages"), OutboxMessage.class);
  }

  // ---- clock (each org has its own)

  /** The org's simulated instant and whether it stands still. */
  public ClockState clock() {
    return AdminHttp.read(http.getTree(urls.org(AdminPaths.CLOCK)), ClockState.class);
  }

  /**
   * Stops the org's clock at its current simulated instant; timestamps written from then on all
   * carry it.
   */
  public ClockState freezeClock() {
    return clock(Map.of("freeze", true));
  }

  /** Lets the clock run on from the current simulated instant. */
  public ClockState unfreezeClock() {
    return clock(Map.of("freeze", false));
  }

  /**
   * Moves the clock to {@code now} (frozen or running, as it was), running everything that became
   * due in between.
   *
   * @throws SimulatorAdminException 400 {@code INVALID_INPUT} when {@code now} is before the
   *     current simulated instant
   */
  public ClockState setClock(Instant now) {
    return clock(Map.of("set", now.toString()));
  }

  /**
   * Moves the clock forward, running everything that became due in between (session expiry after 48
   * hours, delivery receipts, retries, queued sends) in time order before it answers.
   *
   * @param by a positive duration
   * @throws SimulatorAdminException 400 {@code INVALID_INPUT} when {@code by} is zero or negative
   */
  public ClockState advanceClock(Duration by) {
    return clock(Map.of("advance", by.toString()));
  }

  private ClockState clock(Map<String, Object> command) {
    return AdminHttp.read(
        AdminHttp.tree(http.json("POST", urls.org(AdminPaths.CLOCK), command)), ClockState.class);
  }

  // ---- faults

  /**
   * Adds a fault rule for messages sent from now on (build one with {@link FaultRule#fail}, ...);
   * returns its id.
   *
   * @throws SimulatorAdminException 400 {@code INVALID_INPUT} / {@code MALFORMED_ID} naming what is
   *     wrong
   */
  public String addFault(FaultRule rule) {
    // Only what a rule says: a rule read back from faults() carries id and fired, which the
    // simulator refuses.
    FaultRule body =
        new FaultRule(
            null,
            rule.match(),
            rule.effect(),
            rule.reason(),
            rule.statusCode(),
            rule.times(),
            rule.delay(),
            null);
    return AdminHttp.tree(http.json("POST", urls.org(AdminPaths.FAULTS), body)).path("id").asText();
  }

  /** The rules, with how often each fired. */
  public List<FaultRule> faults() {
    JsonNode body = http.getTree(urls.org(AdminPaths.FAULTS));
    return AdminHttp.readList(body.isArray() ? body : body.path("faults"), FaultRule.class);
  }

  /** Removes one rule; {@link SimulatorAdminException} 404 when there is no such rule. */
  public void removeFault(String id) {
    http.delete(urls.org(AdminPaths.FAULT, id));
  }

  /** Removes every rule (a reset does too). */
  public void removeAllFaults() {
    http.delete(urls.org(AdminPaths.FAULTS));
  }

  // ---- request journal

  /** Every API call the org received (admin calls excluded), oldest first. */
  public List<JournalEntry> requests() {
    return requests(null, null, null);
  }

  /** Calls filtered by method, path prefix and arrival time (each null for "any"). */
  public List<JournalEntry> requests(
      @Nullable String method, @Nullable String pathPrefix, @Nullable Instant since) {
    Map<String, @Nullable String> q = new LinkedHashMap<>();
    q.put("method", method);
    q.put("pathPrefix", pathPrefix);
    q.put("since", since == null ? null : since.toString());
    JsonNode body = http.getTree(urls.org(AdminPaths.REQUESTS) + AdminUrls.query(q));
    return AdminHttp.readList(body.path("requests"), JournalEntry.class);
  }

  /** Empties the org's request journal. */
  public void clearRequests() {
    http.delete(urls.org(AdminPaths.REQUESTS));
  }

  // ---- OAuth JWT bearer certificates (configuration: a reset keeps them)

  /**
   * Registers the X.509 certificate whose private key signs JWT bearer assertions for this org.
   *
   * @param pem the certificate in PEM form ({@code -----BEGIN CERTIFICATE-----} ...)
   * @throws SimulatorAdminException 400 {@code INVALID_CERTIFICATE} when it is no certificate
   */
  public OAuthCertificate registerCertificate(String pem) {
    String body =
        http.send("POST", urls.org(AdminPaths.OAUTH_CERTIFICATES), "text/plain", pem, null);
    return AdminHttp.read(AdminHttp.tree(body), OAuthCertificate.class);
  }

  /** The registered certificates. */
  public List<OAuthCertificate> certificates() {
    JsonNode body = http.getTree(urls.org(AdminPaths.OAUTH_CERTIFICATES));
    return AdminHttp.readList(body.path("certificates"), OAuthCertificate.class);
  }

  /** Removes every registered certificate. */
  public void removeCertificates() {
    http.delete(urls.org(AdminPaths.OAUTH_CERTIFICATES));
  }

  // ---- orgs (of the whole simulator)

  /**
   * Creates a fresh, isolated org (own id, users, credentials, data), loaded with the startup
   * fixtures.
   *
   * @throws SimulatorAdminException 400 {@code LIMIT_EXCEEDED} beyond {@code SFSIM_MAX_ORGS}
   */
  public OrgCredentials createOrg() {
    return AdminHttp.read(
        AdminHttp.tree(http.json("POST", urls.global(AdminPaths.ORGS), null)),
        OrgCredentials.class);
  }

  /** Creates an org loaded with the startup fixtures and then this fixtures body. */
  public OrgCredentials createOrg(String fixturesJson) {
    String body = "{\"fixtures\": " + fixturesJson + "}";
    return AdminHttp.read(
        AdminHttp.tree(http.json("POST", urls.global(AdminPaths.ORGS), body)),
        OrgCredentials.class);
  }

  /**
   * Every org, the default org first. The simulator never lists secrets: {@code clientSecret} and
   * {@code password} are null here; they come only from {@link #createOrg()} (and, for the default
   * org, from the container's getters).
   */
  public List<OrgCredentials> orgs() {
    JsonNode body = http.getTree(urls.global(AdminPaths.ORGS));
    return AdminHttp.readList(body.path("orgs"), OrgCredentials.class);
  }

  /**
   * Drops an org and all its data.
   *
   * @throws SimulatorAdminException 404 for an unknown org, 400 for the default org
   */
  public void deleteOrg(String orgId) {
    http.delete(urls.global(AdminPaths.ORG, orgId));
  }

  // ---- event stream

  /**
   * Subscribes to the org's event stream ({@code GET /__admin/events}); returns once the
   * subscription is live, so everything done afterwards is seen. Close it when done.
   */
  public AdminEvents openEvents() {
    return new AdminEvents(http.stream(urls.org(AdminPaths.EVENTS)));
  }
}
