package dev.sfsim.testcontainers.admin;

import static dev.sfsim.testcontainers.junit.SalesforceSimulatorTest.Mode.IN_PROCESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.testcontainers.TestCalls;
import dev.sfsim.testcontainers.junit.SalesforceSimulator;
import dev.sfsim.testcontainers.junit.SalesforceSimulatorTest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's admin URLs against the server's routes: each method of {@link SimulatorAdminClient}
 * and {@link ConversationActions} is called once, for the default org and for a created one,
 * against a simulator in this JVM (no Docker; an IT because it needs the packaged simulator jar),
 * and must be answered by its route (a 404 or 405 would mean the client's path and the server's
 * disagree). The test fails too when a public method is added without being called here.
 */
@SalesforceSimulatorTest(
    mode = IN_PROCESS,
    fixtures = {"fixtures/channel.json", "fixtures/component.json"})
class AdminClientContractIT {
  private static final String END_USER =
      """
      {"records": [{"attributes": {"type": "MessagingEndUser", "referenceId": "alice"}, "Name": "Alice",
        "MessagingChannelId": "%s", "MessageType": "WhatsApp", "MessagingPlatformKey": "whatsapp:+15550101",
        "MessagingConsentStatus": "ImplicitlyOptedIn"}]}""";

  private final Set<String> called = new TreeSet<>();

  @Test
  void everyAdminMethodReachesItsRoute(SalesforceSimulator sfsim, @TempDir Path dir)
      throws Exception {
    exercise(sfsim.admin(), dir);
    OrgCredentials org = sfsim.admin().createOrg();
    try {
      exercise(sfsim.admin().forOrg(org), dir);
    } finally {
      sfsim.admin().deleteOrg(org.orgId());
    }
    assertThat(called)
        .as("every public method of the admin client is called")
        .containsAll(publicMethods(SimulatorAdminClient.class, ConversationActions.class));
  }

  private void exercise(SimulatorAdminClient admin, Path dir) throws Exception {
    call("health", admin::health);
    call("reset", () -> run(admin::reset));
    String channel = admin.session().queryId("SELECT Id FROM MessagingChannel");
    String alice =
        call("loadFixtures", () -> admin.loadFixtures(END_USER.formatted(channel))).idOf("alice");
    call(
        "loadFixturesFromClasspath",
        () -> admin.loadFixturesFromClasspath("fixtures/component.json"));
    Path file = dir.resolve("component.json");
    java.nio.file.Files.writeString(file, "{\"records\": []}");
    call("loadFixtures", () -> admin.loadFixtures(file));

    call("clock", admin::clock);
    call("freezeClock", admin::freezeClock);
    call("setClock", () -> admin.setClock(admin.clock().now().plusSeconds(1)));
    String faultId =
        call(
            "addFault",
            () ->
                admin.addFault(
                    FaultRule.delay(
                        Map.of("messagingPlatformKey", "whatsapp:+1999*"), Duration.ofSeconds(1))));
    call("faults", admin::faults);
    call("removeFault", () -> run(() -> admin.removeFault(faultId)));
    call("removeAllFaults", () -> run(admin::removeAllFaults));

    String requestId =
        TestCalls.sendOrderShipped(admin.session().dataUrl(), admin.session().accessToken(), alice);
    call("advanceClock", () -> admin.advanceClock(Duration.ofSeconds(1)));
    call("unfreezeClock", admin::unfreezeClock);
    OutboxMessage sent = call("outboxOfRequest", () -> admin.outboxOfRequest(requestId)).get(0);
    call("outbox", () -> admin.outbox());
    call("outbox", () -> admin.outbox(Map.of("messagingEndUserId", alice)));

    ConversationActions conversation = call("conversation", admin::conversation);
    call("markDelivered", () -> run(() -> conversation.markDelivered(sent.messageIdentifier())));
    call("markRead", () -> run(() -> conversation.markRead(sent.messageIdentifier())));
    InboundMessage in = call("sendInbound", () -> conversation.sendInbound(alice, "Hello"));
    String session = in.messagingSessionId();
    call("transferSession", () -> conversation.transferSession(session));
    call("acceptSession", () -> conversation.acceptSession(session));
    call("endSession", () -> conversation.endSession(session));
    String next = conversation.sendInbound(alice, "Hello again").messagingSessionId();
    call("errorSession", () -> conversation.errorSession(next));

    call("requests", () -> admin.requests());
    call("requests", () -> admin.requests("GET", "/services", Instant.EPOCH));
    call("clearRequests", () -> run(admin::clearRequests));

    call(
        "registerCertificate",
        () -> admin.registerCertificate(TestCalls.selfSignedPem(dir, "CN=contract")));
    call("certificates", admin::certificates);
    call("removeCertificates", () -> run(admin::removeCertificates));

    call("openEvents", () -> run(() -> admin.openEvents().close()));
    call("orgs", admin::orgs);
    OrgCredentials extra = call("createOrg", () -> admin.createOrg("{\"records\": []}"));
    call("deleteOrg", () -> run(() -> admin.deleteOrg(extra.orgId())));
    OrgCredentials another = call("createOrg", admin::createOrg);
    admin.deleteOrg(another.orgId());
    call("forOrg", () -> admin.forOrg(another));
    call("session", admin::session);
    call("assertions", admin::assertions);
  }

  /** Runs one call; a 404 or 405 means the client's URL names no route of the server. */
  private <T> T call(String method, ThrowingSupplier<T> call) {
    called.add(method);
    try {
      return call.get();
    } catch (SimulatorAdminException e) {
      throw new AssertionError(method + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException(method, e);
    }
  }

  private static Object run(ThrowingRunnable action) throws Exception {
    action.run();
    return Boolean.TRUE;
  }

  private static Set<String> publicMethods(Class<?>... types) {
    return Arrays.stream(types)
        .flatMap(t -> Arrays.stream(t.getDeclaredMethods()))
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
