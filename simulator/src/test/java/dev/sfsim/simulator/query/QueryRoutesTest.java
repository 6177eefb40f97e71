package dev.sfsim.simulator.query;

import static dev.sfsim.simulator.query.QueryServiceTest.ALICE;
import static dev.sfsim.simulator.query.QueryServiceTest.DAVE_DELETED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.persistence.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /query} and {@code /queryAll} through the real server configuration (no authentication
 * filter here).
 */
class QueryRoutesTest {
  private static Database db;
  private static Javalin server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @BeforeAll
  static void start() {
    db = Database.embedded();
    QueryFixtures.insert(db.jdbi());
    ConvMessageSendRequestRows.insert(db.jdbi(), 450, 1);
    server = QueryFixtures.queryServer(db.jdbi());
  }

  @AfterAll
  static void stop() {
    server.stop();
    db.close();
  }

  @Test
  void spacesAsPercent20OrPlusAndTheTrailingSlashForm() throws Exception {
    String expected =
        "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"MessagingEndUser\","
            + "\"url\":\"/services/data/v58.0/sobjects/MessagingEndUser/"
            + ALICE
            + "\"},\"Name\":\"Alice\"}]}";
    for (String path :
        new String[] {
          "/services/data/v58.0/query?q=SELECT%20Name%20FROM%20MessagingEndUser%20WHERE%20Name%20%3D%20%27Alice%27",
          "/services/data/v58.0/query?q=SELECT+Name+FROM+MessagingEndUser+WHERE+Name+%3D+%27Alice%27",
          "/services/data/v58.0/query/?q=SELECT+Name+FROM+MessagingEndUser+WHERE+Name+%3D+%27Alice%27"
        }) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).isEqualTo(expected);
    }
  }

  @Test
  void queryAllIncludesDeletedRows() throws Exception {
    String q = "?q=SELECT+Id+FROM+MessagingEndUser+WHERE+Id+%3D+%27" + DAVE_DELETED + "%27";
    assertThat(get("/services/data/v60.0/query" + q).body()).startsWith("{\"totalSize\":0,");
    assertThat(get("/services/data/v60.0/queryAll" + q).body()).startsWith("{\"totalSize\":1,");
    assertThat(get("/services/data/v60.0/queryAll/" + q).body()).startsWith("{\"totalSize\":1,");
  }

  @Test
  void errorsAre400WithSalesforceBodies() throws Exception {
    HttpResponse<String> missing = get("/services/data/v60.0/query");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body())
        .isEqualTo(
            "[{\"message\":\"A query string has to be specified\",\"errorCode\":\"MALFORMED_QUERY\"}]");
    assertThat(get("/services/data/v60.0/query?q=").body())
        .isEqualTo(
            "[{\"message\":\"SOQL statements cannot be empty or null\",\"errorCode\":\"MALFORMED_QUERY\"}]");
    HttpResponse<String> bad =
        get("/services/data/v60.0/query?q=SELECT+Bacon__c+FROM+MessagingEndUser");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .startsWith(
            "[{\"message\":\"\\nSELECT Bacon__c FROM MessagingEndUser\\n       ^\\nERROR at Row:1:Column:8\\n"
                + "No such column 'Bacon__c' on entity 'MessagingEndUser'.")
        .endsWith("\"errorCode\":\"INVALID_FIELD\"}]");
    HttpResponse<String> notSupported =
        get("/services/data/v60.0/query?q=SELECT+convertCurrency(AnnualRevenue)+FROM+Account");
    assertThat(notSupported.statusCode()).isEqualTo(501);
    assertThat(notSupported.body()).contains("NOT_SUPPORTED_BY_SIMULATOR");
  }

  @Test
  void unknownLocatorsAndVersionsAreChecked() throws Exception {
    HttpResponse<String> locator = get("/services/data/v60.0/query/01gSM0000000001AAA-2000");
    assertThat(locator.statusCode()).isEqualTo(400);
    assertThat(locator.body())
        .isEqualTo(
            "[{\"message\":\"invalid query locator\",\"errorCode\":\"INVALID_QUERY_LOCATOR\"}]");
    assertThat(get("/services/data/vBad/query?q=SELECT+Id+FROM+User").statusCode()).isEqualTo(404);
  }

  @Test
  void batchSizeHeaderAndFollowingPagesUnderQueryAndQueryAll() throws Exception {
    String q = "/services/data/v60.0/query?q=SELECT+Name+FROM+ConvMessageSendRequest";
    HttpResponse<String> first = get(q, "Sforce-Query-Options", "batchSize=200");
    assertThat(first.statusCode()).isEqualTo(200);
    var page = JSON.readTree(first.body());
    assertThat(page.get("totalSize").asInt()).isEqualTo(450);
    assertThat(page.get("records").size()).isEqualTo(200);
    String next = page.get("nextRecordsUrl").asText();
    assertThat(next).matches("/services/data/v60\\.0/query/01g[0-9A-Za-z]{15}-200");
    var second = JSON.readTree(get(next).body());
    assertThat(second.get("records").get(0).get("Name").asText()).isEqualTo("MSJ-00000201");
    String locator = second.get("nextRecordsUrl").asText().replaceAll(".*/", "");
    var third = JSON.readTree(get("/services/data/v58.0/queryAll/" + locator).body());
    assertThat(third.get("done").asBoolean()).isTrue();
    assertThat(third.get("records").size()).isEqualTo(50);
    assertThat(third.has("nextRecordsUrl")).isFalse();
  }

  @Test
  void columnMetadataForTheSfCli() throws Exception {
    var columns =
        JSON.readTree(
            get("/services/data/v60.0/query?q=SELECT+Id,+Name,+MessagingChannel.DeveloperName+FROM+MessagingEndUser&columns=true")
                .body());
    assertThat(columns.get("entityName").asText()).isEqualTo("MessagingEndUser");
    assertThat(columns.get("idSelected").asBoolean()).isTrue();
    assertThat(columns.get("keyPrefix").asText()).isEqualTo("0PA");
    var meta = columns.get("columnMetadata");
    assertThat(meta.get(0).toString())
        .isEqualTo(
            "{\"aggregate\":false,\"apexType\":\"Id\",\"booleanType\":false,\"columnName\":\"Id\","
                + "\"custom\":false,\"displayName\":\"Messaging User ID\",\"foreignKeyName\":null,\"insertable\":false,\"joinColumns\":[],"
                + "\"numberType\":false,\"textType\":false,\"updatable\":false}");
    assertThat(meta.get(2).get("columnName").asText()).isEqualTo("MessagingChannel");
    assertThat(meta.get(2).get("joinColumns").get(0).get("columnName").asText())
        .isEqualTo("DeveloperName");
    var aggregate =
        JSON.readTree(
            get("/services/data/v60.0/query?q=SELECT+MessageType,+COUNT(Id)+FROM+MessagingEndUser+GROUP+BY+MessageType&columns=true")
                .body());
    assertThat(aggregate.get("groupBy").asBoolean()).isTrue();
    assertThat(aggregate.get("columnMetadata").get(1).get("aggregate").asBoolean()).isTrue();
    assertThat(aggregate.get("columnMetadata").get(1).get("columnName").asText())
        .isEqualTo("expr0");
    assertThat(aggregate.get("columnMetadata").get(1).get("displayName").asText())
        .isEqualTo("COUNT(Id)");
  }

  @Test
  void explainAnswersAPlan() throws Exception {
    var plan =
        JSON.readTree(
            get("/services/data/v60.0/query?explain=SELECT+Id+FROM+ConvMessageSendRequest+WHERE+Name+%3D+%27MSJ-00000007%27")
                .body());
    var p = plan.get("plans").get(0);
    assertThat(p.get("sobjectType").asText()).isEqualTo("ConvMessageSendRequest");
    assertThat(p.get("sobjectCardinality").asLong()).isEqualTo(450);
    assertThat(p.get("leadingOperationType").asText()).isIn("Index", "TableScan");
    assertThat(p.has("cardinality") && p.has("relativeCost") && p.has("fields") && p.has("notes"))
        .isTrue();
    assertThat(get("/services/data/v60.0/query?explain=SELECT+Nope+FROM+User").statusCode())
        .isEqualTo(400);
  }

  @Test
  void smallAnswersCarryTheirLengthAndBigOnesAreGzippedForClientsThatAcceptIt() throws Exception {
    String small =
        "/services/data/v58.0/query?q=SELECT+Name+FROM+MessagingEndUser+WHERE+Name+%3D+%27Alice%27";
    String big =
        "/services/data/v60.0/query?q=SELECT+Id%2C+Name+FROM+ConvMessageSendRequest+LIMIT+40";
    for (String encoding : new String[] {"", "Accept-Encoding: gzip\r\n"}) {
      String answer = raw(small, encoding);
      String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
      String body = answer.substring(head.length() + 4);
      assertThat(head)
          .as(encoding)
          .matches(
              "HTTP/1.1 200 OK\r\nDate: [^\r]+\r\nContent-Type: application/json;charset=utf-8\r\n"
                  + "Content-Length: "
                  + body.length());
      assertThat(body).startsWith("{\"totalSize\":1,\"done\":true,");
    }
    assertThat(raw(big, ""))
        .matches(
            "(?s)HTTP/1.1 200 OK\r\nDate: [^\r]+\r\nContent-Type: application/json;charset=utf-8\r\n"
                + "Content-Length: \\d{4}\r\n\r\n\\{.*");
    assertThat(raw(big, "Accept-Encoding: gzip\r\n"))
        .matches(
            "(?s)HTTP/1.1 200 OK\r\nDate: [^\r]+\r\nContent-Type: application/json;charset=utf-8\r\n"
                + "Content-Encoding: gzip\r\nContent-Length: \\d+\r\n\r\n.*");
  }

  /**
   * The raw bytes of a keep-alive {@code GET} (header block and a {@code Content-Length} body) as
   * ISO-8859-1 text: header names, their order and the framing, as a client reads them.
   */
  private static String raw(String path, String headers) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("localhost", server.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      java.io.InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (head.indexOf("\r\n\r\n") < 0) {
        int c = in.read();
        if (c < 0) {
          return head.toString();
        }
        head.append((char) c);
      }
      var length = java.util.regex.Pattern.compile("Content-Length: (\\d+)").matcher(head);
      byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
      return head + new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }

  private static HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
