package dev.sfsim.samples.clients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.testcontainers.LatencyProfile;
import dev.sfsim.testcontainers.SalesforceSimulatorContainer;
import dev.sfsim.testcontainers.junit.EnabledIfDockerAvailable;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The Salesforce CLI ({@code sf}, npm {@code @salesforce/cli}), unchanged, against the simulator.
 * It has no username/password login; it logs in with {@code sf org login jwt}, the JWT bearer flow,
 * signing with a key whose certificate was registered through the simulator's admin API — as a
 * connected app's certificate is uploaded in a real org. Everything runs with a throw-away {@code
 * HOME} and telemetry and updates off.
 */
@EnabledIfDockerAvailable
@Testcontainers
class SalesforceCliIT {

  @Container
  static SalesforceSimulatorContainer sfsim =
      new SalesforceSimulatorContainer().withLatencyProfile(LatencyProfile.INSTANT);

  @TempDir static Path home;
  private static Path keyFile;
  private ClientOrg org;

  @BeforeAll
  static void installAndMakeAKeyPair() throws Exception {
    NpmClients.install();
    Path store = home.resolve("jwt.p12");
    NpmClients.Run keytool =
        NpmClients.run(
            home,
            Map.of(),
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair",
            "-alias",
            "jwt",
            "-keyalg",
            "RSA",
            "-keysize",
            "2048",
            "-dname",
            "CN=sf-cli-test",
            "-validity",
            "2",
            "-storetype",
            "PKCS12",
            "-keystore",
            store.toString(),
            "-storepass",
            "changeit");
    assertThat(keytool.exitCode()).as(keytool.stdout() + keytool.stderr()).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    keyFile = home.resolve("server.key");
    Files.writeString(
        keyFile, pem("PRIVATE KEY", ks.getKey("jwt", "changeit".toCharArray()).getEncoded()));
    certificatePem = pem("CERTIFICATE", ks.getCertificate("jwt").getEncoded());
  }

  private static String certificatePem;

  @BeforeEach
  void seedAndLogIn() {
    org = ClientOrg.seed(sfsim);
    given()
        .contentType("text/plain")
        .body(certificatePem)
        .post(sfsim.getAdminUrl() + "/oauth/certificates")
        .then()
        .statusCode(201);
    JsonPath login =
        sf(
            "org",
            "login",
            "jwt",
            "--username",
            sfsim.getUsername(),
            "--jwt-key-file",
            keyFile.toString(),
            "--client-id",
            sfsim.getClientId(),
            "--instance-url",
            sfsim.getInstanceUrl(),
            "--alias",
            "sim",
            "--json");
    assertThat(login.getInt("status")).isZero();
    assertThat(login.getString("result.username")).isEqualTo(sfsim.getUsername());
    assertThat(login.getString("result.orgId")).matches("00D\\w{15}");
  }

  private static JsonPath sf(String... args) {
    NpmClients.Run run = sfRaw(args);
    assertThat(run.exitCode())
        .as("sf %s: %s%s", String.join(" ", args), run.stdout(), run.stderr())
        .isZero();
    return JsonPath.from(run.stdout());
  }

  private static NpmClients.Run sfRaw(String... args) {
    List<String> command = new ArrayList<>(List.of("node_modules/@salesforce/cli/bin/run.js"));
    command.addAll(List.of(args));
    return NpmClients.node(
        Map.of(
            "HOME",
            home.toString(),
            "SF_DISABLE_TELEMETRY",
            "true",
            "SF_DISABLE_AUTOUPDATE",
            "true",
            "SF_SKIP_NEW_VERSION_CHECK",
            "true",
            "SF_USE_GENERIC_UNIX_KEYCHAIN",
            "true",
            "SF_DISABLE_LOG_FILE",
            "true",
            "SF_JSON_TO_STDOUT",
            "true",
            "NO_COLOR",
            "1"),
        command.toArray(String[]::new));
  }

  @Test
  void logsInWithTheJwtBearerFlowAndDisplaysTheOrg() {
    JsonPath display = sf("org", "display", "--target-org", "sim", "--json");
    assertThat(display.getString("result.connectedStatus")).isEqualTo("Connected");
    assertThat(display.getString("result.instanceUrl")).isEqualTo(sfsim.getInstanceUrl());
    assertThat(display.getString("result.username")).isEqualTo(sfsim.getUsername());
  }

  @Test
  void queriesThroughTheRestApiCommand() {
    JsonPath result =
        sf(
            "api",
            "request",
            "rest",
            "/services/data/v60.0/query?q=SELECT+Id,+Name+FROM+MessagingEndUser+ORDER+BY+Name",
            "--target-org",
            "sim");
    assertThat(result.getInt("totalSize")).isEqualTo(2);
    assertThat(result.getList("records.Name", String.class)).containsExactly("Alice", "Bob");
  }

  @Test
  void invokesSendConversationMessages() {
    JsonPath result =
        sf(
            "api",
            "request",
            "rest",
            "/services/data/v60.0/actions/standard/sendConversationMessages",
            "--method",
            "POST",
            "--body",
            "{\"inputs\":[" + org.actionInput() + "]}",
            "--target-org",
            "sim");
    assertThat(result.getBoolean("[0].isSuccess")).isTrue();
    assertThat(result.getString("[0].outputValues.requestId")).matches("1sr\\w{15}");
  }

  @Test
  void queriesWithDataQuery() {
    ClientOrg.seedEndUsers(sfsim, 2100);
    JsonPath result =
        sf(
            "data",
            "query",
            "--query",
            "SELECT Id, Name FROM MessagingEndUser",
            "--target-org",
            "sim",
            "--json");
    assertThat(result.getInt("result.totalSize")).isEqualTo(2102);
    assertThat(result.getList("result.records")).hasSize(2102);
  }

  @Test
  void describesConversationEntry() {
    JsonPath result =
        sf(
            "sobject",
            "describe",
            "--sobject",
            "ConversationEntry",
            "--target-org",
            "sim",
            "--json");
    assertThat(result.getString("result.name")).isEqualTo("ConversationEntry");
    assertThat(result.getList("result.fields.name", String.class))
        .contains("ConversationId", "Message");
  }

  @Test
  void createsUpdatesAndDeletesAConversationEntry() {
    String values =
        "ConversationId=%s EntryTime=%s ActorType=EndUser EntryType=Text Message='Where is my order?'"
            .formatted(org.session, java.time.Instant.now());
    JsonPath created =
        sf(
            "data",
            "create",
            "record",
            "--sobject",
            "ConversationEntry",
            "--values",
            values,
            "--target-org",
            "sim",
            "--json");
    String id = created.getString("result.id");
    assertThat(id).matches("0Zy\\w{15}");
    sf(
        "data",
        "update",
        "record",
        "--sobject",
        "ConversationEntry",
        "--record-id",
        id,
        "--values",
        "MessageStatusCode='edited by sf'",
        "--target-org",
        "sim",
        "--json"); // the entry's one updateable field
    JsonPath read =
        sf(
            "data",
            "get",
            "record",
            "--sobject",
            "ConversationEntry",
            "--record-id",
            id,
            "--target-org",
            "sim",
            "--json");
    assertThat(read.getString("result.MessageStatusCode")).isEqualTo("edited by sf");
    sf(
        "data",
        "delete",
        "record",
        "--sobject",
        "ConversationEntry",
        "--record-id",
        id,
        "--target-org",
        "sim",
        "--json");
    assertThat(
            sfRaw(
                    "data",
                    "get",
                    "record",
                    "--sobject",
                    "ConversationEntry",
                    "--record-id",
                    id,
                    "--target-org",
                    "sim",
                    "--json")
                .exitCode())
        .isNotZero();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
