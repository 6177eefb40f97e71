package dev.sfsim.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.force.api.ApiConfig;
import com.force.api.ApiException;
import com.force.api.ForceApi;
import com.force.api.QueryResult;
import dev.sfsim.testcontainers.LatencyProfile;
import dev.sfsim.testcontainers.SalesforceSimulatorContainer;
import dev.sfsim.testcontainers.junit.EnabledIfDockerAvailable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * force-rest-api ({@code com.frejo:force-rest-api}), unchanged, against the simulator: it logs in
 * with the OAuth username-password flow at the configured login endpoint, reads the identity URL,
 * then calls {@code instance_url}. Only the login endpoint and the credentials differ from a real
 * org.
 */
@EnabledIfDockerAvailable
@Testcontainers
class ForceRestApiIT {

  @Container
  static SalesforceSimulatorContainer sfsim =
      new SalesforceSimulatorContainer().withLatencyProfile(LatencyProfile.INSTANT);

  private ClientOrg org;

  @BeforeEach
  void seed() {
    org = ClientOrg.seed(sfsim);
  }

  private static ApiConfig config() {
    return new ApiConfig()
        .setLoginEndpoint(sfsim.getInstanceUrl())
        .setClientId(sfsim.getClientId())
        .setClientSecret(sfsim.getClientSecret())
        .setUsername(sfsim.getUsername())
        .setPassword(sfsim.getPassword())
        .setApiVersionString("v60.0");
  }

  @Test
  void logsInAndReadsTheIdentity() {
    ForceApi api = new ForceApi(config());
    assertThat(api.getSession().getApiEndpoint()).isEqualTo(sfsim.getInstanceUrl());
    var identity = api.getIdentity();
    assertThat(identity.getUsername()).isEqualTo(sfsim.getUsername());
    assertThat(identity.getUserId()).matches("005\\w{15}");
    assertThat(identity.getOrganizationId()).matches("00D\\w{15}");
  }

  @Test
  void aWrongPasswordFailsTheLogin() {
    assertThatThrownBy(() -> new ForceApi(config().setPassword("not-the-password")))
        .hasMessageContaining("authentication failure");
  }

  @Test
  void queries() {
    ForceApi api = new ForceApi(config());
    QueryResult<Map> result = api.query("SELECT Id, Name FROM MessagingEndUser ORDER BY Name");
    assertThat(result.getTotalSize()).isEqualTo(2);
    assertThat(result.isDone()).isTrue();
    assertThat(result.getRecords()).extracting(r -> r.get("Name")).containsExactly("Alice", "Bob");
  }

  @Test
  @SuppressWarnings("unchecked")
  void invokesSendConversationMessages() throws Exception {
    ForceApi api = new ForceApi(config());
    Map<String, Object> input = new ObjectMapper().readValue(org.actionInput(), Map.class);
    List<Map<String, Object>> results =
        (List<Map<String, Object>>)
            api.post("/actions/standard/sendConversationMessages", Map.of("inputs", List.of(input)))
                .asList();
    assertThat(results).hasSize(1);
    assertThat(results.get(0))
        .containsEntry("isSuccess", true)
        .containsEntry("actionName", "sendConversationMessages");
    assertThat((Map<String, Object>) results.get(0).get("outputValues")).containsKey("requestId");
  }

  @Test
  void describes() {
    ForceApi api = new ForceApi(config());
    assertThat(api.describeGlobal().getSObjects())
        .extracting(o -> o.getName())
        .contains("ConversationEntry", "MessagingEndUser");
    var entry = api.describeSObject("ConversationEntry");
    assertThat(entry.getName()).isEqualTo("ConversationEntry");
    assertThat(entry.getFields())
        .extracting(f -> f.getName())
        .contains("ConversationId", "Message", "EntryTime");
  }

  @Test
  @SuppressWarnings("unchecked")
  void createsUpdatesAndDeletesAConversationEntry() throws Exception {
    ForceApi api = new ForceApi(config());
    Map<String, Object> entry =
        new HashMap<>(new ObjectMapper().readValue(org.conversationEntry(), Map.class));
    entry.put("EntryTime", Instant.now().toString());
    String id = api.createSObject("ConversationEntry", entry);
    assertThat(id).matches("0Zy\\w{15}");
    api.updateSObject(
        "ConversationEntry",
        id,
        Map.of("MessageStatusCode", "edited by force-api")); // its one updateable field
    assertThat(api.getSObject("ConversationEntry", id).asMap().get("MessageStatusCode"))
        .isEqualTo("edited by force-api");
    api.deleteSObject("ConversationEntry", id);
    assertThatThrownBy(() -> api.getSObject("ConversationEntry", id).asMap())
        .isInstanceOfAny(ApiException.class, com.force.api.ResourceException.class);
  }

  @Test
  void pagesWithQueryMore() {
    ClientOrg.seedEndUsers(sfsim, 2100);
    ForceApi api = new ForceApi(config());
    QueryResult<Map> first = api.query("SELECT Id, Name FROM MessagingEndUser ORDER BY Name");
    assertThat(first.getTotalSize()).isEqualTo(2102);
    assertThat(first.isDone()).isFalse();
    int fetched = first.getRecords().size();
    QueryResult<Map> page = first;
    while (!page.isDone()) {
      page = api.queryMore(page.getNextRecordsUrl());
      fetched += page.getRecords().size();
    }
    assertThat(fetched).isEqualTo(2102);
  }
}
