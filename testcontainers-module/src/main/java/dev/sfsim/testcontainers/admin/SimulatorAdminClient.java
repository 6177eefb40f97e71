package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to the simulator's admin API ({@code /__admin}, documented by {@code GET
 * /__admin/openapi.json}) for one org, plus what tests need around it: an access token, an awaiter
 * that polls a send request through SOQL as user code would, and verification helpers over the
 * request journal. JDK HTTP client, no other runtime.
 *
 * <pre>{@code
 * SimulatorAdminClient admin = sfsim.getAdminClient();
 * FixturesResult seeded = admin.loadFixtures(Path.of("src/test/resources/fixtures/order-shipped.json"));
 * ... the code under test invokes sendConversationMessages ...
 * admin.verifyConversationMessagesSent(seeded.idOf("alice"), seeded.idOf("carol"));
 * SendRequestStatus done = admin.awaitRequestCompleted(requestId, Duration.ofSeconds(10));
 * }</pre>
 *
 * Every method throws {@link SimulatorAdminException} (status and body) when the simulator refuses
 * the call.
 */
public final class SimulatorAdminClient {
  private static final String SEND_REQUEST_FIELDS =
      "Id, RequestStatus, TotalMessageCount, SuccessMessageCount, "
          + "FailedMessageCount, PendingMessageCount, InProgressMessageCount, SuccessMessageIdentifiers, "
          + "FailedMessageIdentifiers, FailedMessageErrorReasons, CompletedDate";
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private final String instanceUrl;
  private final String adminBase;
  private final String clientId;
  private final String clientSecret;
  private final String username;
  private final String password;
  private final String apiVersion;
  private final @Nullable String adminToken;
  private final AdminHttp http;

  /**
   * @param instanceUrl the simulator's base URL, e.g. {@code http://localhost:32768}
   * @param clientId the org's consumer key (for {@link #accessToken()} and the awaiter)
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
        instanceUrl,
        instanceUrl + "/__admin",
        clientId,
        clientSecret,
        username,
        password,
        apiVersion,
        adminToken);
  }

  private SimulatorAdminClient(
      String instanceUrl,
      String adminBase,
      String clientId,
      String clientSecret,
      String username,
      String password,
      String apiVersion,
      @Nullable String adminToken) {
    this.instanceUrl = Objects.requireNonNull(instanceUrl, "instanceUrl");
    this.adminBase = adminBase;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.username = username;
    this.password = password;
    this.apiVersion = apiVersion;
    this.adminToken = adminToken;
    this.http = new AdminHttp(adminToken);
  }

  /**
   * A client for another org of the same simulator: admin calls under {@code
   * /__admin/orgs/{orgId}}, its credentials.
   */
  public SimulatorAdminClient forOrg(OrgCredentials org) {
    return new SimulatorAdminClient(
        instanceUrl,
        instanceUrl + "/__admin/orgs/" + org.orgId(),
        org.clientId(),
        org.clientSecret(),
        org.username(),
        org.password(),
        apiVersion,
        adminToken);
  }

  // ---- health

  /**
   * {@code GET /__admin/health} (needs no admin token).
   *
   * @throws SimulatorAdminException 503 while the simulator is still starting, or while its
   *     database does not answer (the body then says {@code "status":"DOWN"})
   */
  public HealthStatus health() {
    return AdminHttp.read(
        AdminHttp.tree(http.send("GET", instanceUrl + "/__admin/health", null, null, null)),
        HealthStatus.class);
  }

  // ---- fixtures and reset

  /** Loads a fixtures body (sObject Tree records and messaging components); all or nothing. */
  public FixturesResult loadFixtures(String json) {
    return AdminHttp.read(
        AdminHttp.tree(http.json("POST", adminBase + "/fixtures", json)), FixturesResult.class);
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
    http.json("POST", adminBase + "/reset", null);
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
   * messagingPlatformKey}, {@code status}).
   */
  public List<OutboxMessage> outbox(Map<String, String> filters) {
    JsonNode body =
        AdminHttp.tree(
            http.send("GET", adminBase + "/outbox" + AdminHttp.query(filters), null, null, null));
    return AdminHttp.readList(body.path("messages"), OutboxMessage.class);
  }

  // ---- clock (each org has its own)

  /** The org's simulated instant and whether it stands still. */
  public ClockState clock() {
    return AdminHttp.read(
        AdminHttp.tree(http.send("GET", adminBase + "/clock", null, null, null)), ClockState.class);
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
        AdminHttp.tree(http.json("POST", adminBase + "/clock", command)), ClockState.class);
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
    return AdminHttp.tree(http.json("POST", adminBase + "/faults", body)).path("id").asText();
  }

  /** The rules, with how often each fired. */
  public List<FaultRule> faults() {
    JsonNode body = AdminHttp.tree(http.send("GET", adminBase + "/faults", null, null, null));
    return AdminHttp.readList(body.isArray() ? body : body.path("faults"), FaultRule.class);
  }

  /** Removes one rule; {@link SimulatorAdminException} 404 when there is no such rule. */
  public void removeFault(String id) {
    http.send("DELETE", adminBase + "/faults/" + AdminHttp.enc(id), null, null, null);
  }

  /** Removes every rule (a reset does too). */
  public void removeAllFaults() {
    http.send("DELETE", adminBase + "/faults", null, null, null);
  }

  // ---- end users

  /**
   * The end user writes to the business: their {@code New} session becomes {@code Active} (or an
   * {@code InboundInitiated} one starts) and gets a {@code ConversationEntry} with ActorType {@code
   * EndUser}; {@code STOP} / {@code START} change {@code MessagingConsentStatus} instead.
   *
   * @throws SimulatorAdminException 404 {@code NOT_FOUND} for an unknown end user, 400 {@code
   *     MALFORMED_ID} for a bad id
   */
  public InboundMessage sendInbound(String messagingEndUserId, String text) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("messagingEndUserId", messagingEndUserId);
    body.put("text", text);
    return AdminHttp.read(
        AdminHttp.tree(http.json("POST", adminBase + "/messaging/inbound", body)),
        InboundMessage.class);
  }

  /**
   * A device receipt: the message reached the end user's device (its entry's {@code MessageStatus}
   * becomes {@code Delivered}).
   *
   * @param messageIdentifier the message's UUID, as in {@link OutboxMessage#messageIdentifier()}
   */
  public void markDelivered(String messageIdentifier) {
    http.json(
        "POST", adminBase + "/messaging/" + AdminHttp.enc(messageIdentifier) + "/delivered", null);
  }

  /**
   * A device receipt: the end user read the message (its entry's {@code MessageStatus} becomes
   * {@code Read}).
   */
  public void markRead(String messageIdentifier) {
    http.json("POST", adminBase + "/messaging/" + AdminHttp.enc(messageIdentifier) + "/read", null);
  }

  // ---- agents and the platform moving sessions (a real org does not let the REST API write
  // MessagingSession.Status)

  /**
   * An agent accepts the session: {@code Active}, with {@code AcceptTime}. Messages held by {@code
   * NonActive} gating for its end user stay held until the session leaves {@code Active}.
   *
   * @throws SimulatorAdminException 404 {@code NOT_FOUND} for an unknown session; 400 {@code
   *     INVALID_STATUS} when it is already {@code Active}, {@code Ended} or {@code Error}
   */
  public SessionStatus acceptSession(String messagingSessionId) {
    return sessionAction(messagingSessionId, "accept");
  }

  /**
   * An agent transfers the {@code Active} session: {@code Waiting} until it is accepted again (400
   * {@code INVALID_STATUS} otherwise).
   */
  public SessionStatus transferSession(String messagingSessionId) {
    return sessionAction(messagingSessionId, "transfer");
  }

  /**
   * An agent closes the session: {@code Ended}, {@code EndedByType} {@code Agent}, {@code EndTime}
   * now. Held messages ({@code NonActive}/{@code Closed}) and held conversation entries are
   * released at once.
   *
   * @throws SimulatorAdminException 404 {@code NOT_FOUND} for an unknown session; 400 {@code
   *     INVALID_STATUS} when it has ended
   */
  public SessionStatus endSession(String messagingSessionId) {
    return sessionAction(messagingSessionId, "end");
  }

  /**
   * The platform marks the open session {@code Error} ({@code EndTime} now); 400 {@code
   * INVALID_STATUS} when it has ended.
   */
  public SessionStatus errorSession(String messagingSessionId) {
    return sessionAction(messagingSessionId, "error");
  }

  private SessionStatus sessionAction(String messagingSessionId, String action) {
    return AdminHttp.read(
        AdminHttp.tree(
            http.json(
                "POST",
                adminBase
                    + "/messaging/sessions/"
                    + AdminHttp.enc(messagingSessionId)
                    + "/"
                    + action,
                null)),
        SessionStatus.class);
  }

  // ---- request journal

  /** Every API call the org received (admin calls excluded), oldest first. */
  public List<JournalEntry> requests() {
    return requests(null, null, null);
  }

  /** Calls filtered by method, path prefix and arrival time (each null for "any"). */
  public List<JournalEntry> requests(
      @Nullable String method, @Nullable String pathPrefix, @Nullable Instant since) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("method", method);
    q.put("pathPrefix", pathPrefix);
    q.put("since", since == null ? null : since.toString());
    JsonNode body =
        AdminHttp.tree(
            http.send("GET", adminBase + "/requests" + AdminHttp.query(q), null, null, null));
    return AdminHttp.readList(body.path("requests"), JournalEntry.class);
  }

  /** Empties the org's request journal. */
  public void clearRequests() {
    http.send("DELETE", adminBase + "/requests", null, null, null);
  }

  /**
   * Asserts that {@code sendConversationMessages} was invoked with exactly these recipients (15- or
   * 18-character ids, any order; the recipients of all inputs of one invocation count together).
   *
   * @return the matching request
   * @throws AssertionError showing the closest invocation (most recipients in common) or the last
   *     request
   */
  public JournalEntry verifyConversationMessagesSent(String... messagingEndUserIds) {
    return JournalVerifier.conversationMessagesSent(
        requests(), new LinkedHashSet<>(Arrays.asList(messagingEndUserIds)));
  }

  /**
   * Asserts that {@code sendConversationMessages} was never invoked; AssertionError showing the
   * first invocation.
   */
  public void verifyNoConversationMessagesSent() {
    requests("POST", null, null).stream()
        .filter(e -> e.path().endsWith(JournalVerifier.SEND_ACTION_PATH))
        .findFirst()
        .ifPresent(
            e -> {
              throw new AssertionError(
                  "Expected no sendConversationMessages invocation, but there was:\n  " + e);
            });
  }

  /**
   * Asserts that a call with this method and path prefix arrived; AssertionError showing the
   * closest one.
   */
  public JournalEntry verifyRequested(String method, String pathPrefix) {
    return JournalVerifier.requested(requests(), method, pathPrefix);
  }

  // ---- OAuth JWT bearer certificates (configuration: a reset keeps them)

  /**
   * Registers the X.509 certificate whose private key signs JWT bearer assertions for this org.
   *
   * @param pem the certificate in PEM form ({@code -----BEGIN CERTIFICATE-----} ...)
   * @throws SimulatorAdminException 400 {@code INVALID_CERTIFICATE} when it is no certificate
   */
  public OAuthCertificate registerCertificate(String pem) {
    String body = http.send("POST", adminBase + "/oauth/certificates", "text/plain", pem, null);
    return AdminHttp.read(AdminHttp.tree(body), OAuthCertificate.class);
  }

  /** The registered certificates. */
  public List<OAuthCertificate> certificates() {
    JsonNode body =
        AdminHttp.tree(http.send("GET", adminBase + "/oauth/certificates", null, null, null));
    return AdminHttp.readList(body.path("certificates"), OAuthCertificate.class);
  }

  /** Removes every registered certificate. */
  public void removeCertificates() {
    http.send("DELETE", adminBase + "/oauth/certificates", null, null, null);
  }

  // ---- orgs (of the whole simulator)

  /**
   * Creates a fresh, isolated org (own id, users, credentials, data), loaded with the startup
   * fixtures.
   */
  public OrgCredentials createOrg() {
    return AdminHttp.read(
        AdminHttp.tree(http.json("POST", instanceUrl + "/__admin/orgs", null)),
        OrgCredentials.class);
  }

  /** Creates an org loaded with the startup fixtures and then this fixtures body. */
  public OrgCredentials createOrg(String fixturesJson) {
    String body = "{\"fixtures\": " + fixturesJson + "}";
    return AdminHttp.read(
        AdminHttp.tree(http.json("POST", instanceUrl + "/__admin/orgs", body)),
        OrgCredentials.class);
  }

  /**
   * Every org, the default org first. The simulator never lists secrets: {@code clientSecret} and
   * {@code password} are null here; they come only from {@link #createOrg()} (and, for the default
   * org, from the container's getters).
   */
  public List<OrgCredentials> orgs() {
    JsonNode body =
        AdminHttp.tree(http.send("GET", instanceUrl + "/__admin/orgs", null, null, null));
    return AdminHttp.readList(body.path("orgs"), OrgCredentials.class);
  }

  /** Drops an org and all its data. */
  public void deleteOrg(String orgId) {
    http.send("DELETE", instanceUrl + "/__admin/orgs/" + AdminHttp.enc(orgId), null, null, null);
  }

  // ---- the data API, as user code calls it

  /** A fresh access token from the OAuth username-password flow with this org's credentials. */
  public String accessToken() {
    String form =
        AdminHttp.query(
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    clientId,
                    "client_secret",
                    clientSecret,
                    "username",
                    username,
                    "password",
                    password))
            .substring(1);
    String body =
        http.send(
            "POST",
            instanceUrl + "/services/oauth2/token",
            "application/x-www-form-urlencoded",
            form,
            null);
    return AdminHttp.tree(body).path("access_token").asText();
  }

  /**
   * Runs a SOQL query ({@code GET /services/data/vNN.N/query}); returns the {@code records} of the
   * first page.
   */
  public List<JsonNode> query(String soql) {
    return query(accessToken(), soql);
  }

  private List<JsonNode> query(String token, String soql) {
    String url = instanceUrl + "/services/data/v" + apiVersion + "/query?q=" + AdminHttp.enc(soql);
    JsonNode body = AdminHttp.tree(http.send("GET", url, null, null, token));
    return AdminHttp.readList(body.path("records"), JsonNode.class);
  }

  /**
   * Polls the {@code ConvMessageSendRequest} through SOQL (every 100 ms) until its {@code
   * RequestStatus} is {@code Completed}.
   *
   * @param requestId the {@code requestId} output of {@code sendConversationMessages}
   * @return the completed request
   * @throws AssertionError with the last state seen when it does not complete in time
   */
  public SendRequestStatus awaitRequestCompleted(String requestId, Duration timeout) {
    if (requestId == null || !requestId.matches("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}")) {
      throw new IllegalArgumentException("Not a record id: " + requestId);
    }
    String token = accessToken();
    String soql =
        "SELECT "
            + SEND_REQUEST_FIELDS
            + " FROM ConvMessageSendRequest WHERE Id = '"
            + requestId
            + "'";
    long deadline = System.nanoTime() + timeout.toNanos();
    SendRequestStatus last = null;
    while (true) {
      List<JsonNode> records = query(token, soql);
      if (!records.isEmpty()) {
        last = status(records.get(0));
        if (last.isCompleted()) {
          return last;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "ConvMessageSendRequest "
                + requestId
                + " did not complete within "
                + timeout
                + "; last seen: "
                + (last == null ? "no such record" : last));
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + requestId, e);
      }
    }
  }

  private static SendRequestStatus status(JsonNode r) {
    return new SendRequestStatus(
        r.path("Id").asText(),
        r.path("RequestStatus").asText(),
        r.path("TotalMessageCount").asInt(),
        r.path("SuccessMessageCount").asInt(),
        r.path("FailedMessageCount").asInt(),
        r.path("PendingMessageCount").asInt(),
        r.path("InProgressMessageCount").asInt(),
        split(r.path("SuccessMessageIdentifiers")),
        split(r.path("FailedMessageIdentifiers")),
        r.path("FailedMessageErrorReasons").isNull()
            ? null
            : r.path("FailedMessageErrorReasons").asText(null),
        r.path("CompletedDate").isNull() ? null : r.path("CompletedDate").asText(null));
  }

  private static List<String> split(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode() || v.asText().isBlank()) {
      return List.of();
    }
    return Arrays.stream(v.asText().split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * Subscribes to the org's event stream ({@code GET /__admin/events}); returns once the
   * subscription is live, so everything done afterwards is seen. Close it when done.
   */
  public AdminEvents openEvents() {
    return new AdminEvents(http.stream(adminBase + "/events"));
  }

  /**
   * Subscribes, waits for the first event that matches, and unsubscribes: for work already under
   * way (events published before this call are not seen; subscribe with {@link #openEvents()}
   * before acting to see them all).
   *
   * @throws AssertionError when none matches within {@code timeout}
   */
  public Map<String, Object> awaitEvent(
      java.util.function.Predicate<Map<String, Object>> match, Duration timeout) {
    try (AdminEvents events = openEvents()) {
      return events.await(match, timeout);
    }
  }
}
