package dev.sfsim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.testcontainers.LatencyProfile;
import dev.sfsim.testcontainers.SalesforceSimulatorContainer;
import dev.sfsim.testcontainers.junit.EnabledIfDockerAvailable;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * jsforce 3 (npm), unchanged, against the simulator: only the login URL and the credentials differ
 * from a real org. Each test runs one step of {@code jsforce-journey.cjs} under Node 22 and checks
 * what jsforce returned.
 */
@EnabledIfDockerAvailable
@Testcontainers
class JsforceIT {

  @Container
  static SalesforceSimulatorContainer sfsim =
      new SalesforceSimulatorContainer().withLatencyProfile(LatencyProfile.INSTANT);

  private ClientOrg org;

  @BeforeAll
  static void install() {
    NpmClients.install();
  }

  @BeforeEach
  void seed() {
    org = ClientOrg.seed(sfsim);
  }

  private static JsonPath step(String name, Map<String, String> extraEnv) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "SFSIM_LOGIN_URL", sfsim.getInstanceUrl(),
                "SFSIM_CLIENT_ID", sfsim.getClientId(),
                "SFSIM_CLIENT_SECRET", sfsim.getClientSecret(),
                "SFSIM_USERNAME", sfsim.getUsername(),
                "SFSIM_PASSWORD", sfsim.getPassword()));
    env.putAll(extraEnv);
    NpmClients.Run run = NpmClients.node(env, "jsforce-journey.cjs", name);
    assertThat(run.exitCode())
        .as("jsforce step %s failed: %s%s", name, run.stdout(), run.stderr())
        .isZero();
    return JsonPath.from(run.stdout());
  }

  private static JsonPath step(String name) {
    return step(name, Map.of());
  }

  @Test
  void logsInWithTheOAuthPasswordFlowReadsTheIdentityAndLogsOut() {
    JsonPath out = step("login-oauth");
    assertThat(out.getString("instanceUrl")).isEqualTo(sfsim.getInstanceUrl());
    assertThat(out.getString("userId")).matches("005\\w{15}");
    assertThat(out.getString("orgId")).matches("00D\\w{15}");
    assertThat(out.getString("identityUserId")).isEqualTo(out.getString("userId"));
    assertThat(out.getString("identityUsername")).isEqualTo(sfsim.getUsername());
    assertThat(out.getString("afterLogout"))
        .as("logout revokes the token")
        .isEqualTo("INVALID_SESSION_ID");
  }

  @Test
  void logsInWithSoapWhenNoOAuthClientIsConfigured() {
    JsonPath out = step("login-soap");
    assertThat(out.getString("instanceUrl")).isEqualTo(sfsim.getInstanceUrl());
    assertThat(out.getString("userId")).matches("005\\w{15}");
    assertThat(out.getString("orgId")).matches("00D\\w{15}");
    assertThat(out.getString("identityUsername")).isEqualTo(sfsim.getUsername());
  }

  @Test
  void aWrongPasswordIsJsforcesInvalidGrantError() {
    JsonPath out = step("login-wrong-password");
    assertThat(out.getString("name")).isEqualTo("invalid_grant");
    assertThat(out.getString("message")).isEqualTo("authentication failure");
  }

  @Test
  void queries() {
    JsonPath out = step("query");
    assertThat(out.getInt("totalSize")).isEqualTo(2);
    assertThat(out.getBoolean("done")).isTrue();
    assertThat(out.getList("names", String.class)).containsExactly("Alice", "Bob");
    assertThat(out.getString("type")).isEqualTo("MessagingEndUser");
  }

  @Test
  void invokesSendConversationMessages() {
    JsonPath out = step("action", Map.of("SFSIM_ACTION_INPUT", org.actionInput()));
    assertThat(out.getString("result.actionName")).isEqualTo("sendConversationMessages");
    assertThat(out.getBoolean("result.isSuccess")).isTrue();
    assertThat(out.getString("result.outputValues.requestId")).matches("1sr\\w{15}");
    assertThat(out.getString("result.outputValues.messageIdentifiers").split(",")).hasSize(2);
  }

  @Test
  void describes() {
    JsonPath out = step("describe");
    assertThat(out.getList("globalNames", String.class))
        .contains("ConversationEntry", "MessagingEndUser", "ConvMessageSendRequest");
    assertThat(out.getString("name")).isEqualTo("ConversationEntry");
    assertThat(out.getString("keyPrefix")).isEqualTo("0Zy");
    assertThat(out.getList("fields", String.class))
        .contains("Id", "ConversationId", "Message", "EntryTime");
  }

  @Test
  void createsUpdatesAndDeletesAConversationEntry() {
    JsonPath out = step("crud", Map.of("SFSIM_ENTRY", org.conversationEntry()));
    assertThat(out.getString("created.id")).matches("0Zy\\w{15}");
    assertThat(out.getBoolean("created.success")).isTrue();
    assertThat(out.getString("statusCode")).isEqualTo("edited by jsforce");
    assertThat(out.getString("afterDelete")).isEqualTo("NOT_FOUND");
  }

  @Test
  void pagesThroughALargeQuery() {
    ClientOrg.seedEndUsers(sfsim, 2100);
    JsonPath out = step("paging");
    assertThat(out.getInt("totalSize")).isEqualTo(2102);
    assertThat(out.getInt("fetched")).isEqualTo(2102);
    assertThat(out.getBoolean("firstDone")).isFalse();
    assertThat(out.getInt("secondBatch")).isPositive();
  }
}
