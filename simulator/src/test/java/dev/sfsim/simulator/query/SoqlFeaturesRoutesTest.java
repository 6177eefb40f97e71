package dev.sfsim.simulator.query;

import static dev.sfsim.simulator.query.QueryServiceTest.ALICE;
import static dev.sfsim.simulator.query.QueryServiceTest.ENTRY_1;
import static dev.sfsim.simulator.query.QueryServiceTest.SESSION_1;
import static dev.sfsim.simulator.query.QueryServiceTest.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.persistence.Database;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Polymorphic relationships and TYPEOF, toLabel(), format() and nested child sub-selects through
 * {@code /query} against PostgreSQL, checking Salesforce's exact record JSON.
 */
class SoqlFeaturesRoutesTest {
  static final String ENTRY_USER = SalesforceIds.generate("0Zy", 2);
  static final String ENTRY_END_USER = SalesforceIds.generate("0Zy", 3);
  static final String ACCOUNT = SalesforceIds.generate("001", 1);
  private static final String BASE = "/services/data/v60.0/sobjects/";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Database db;
  private static Javalin server;

  @BeforeAll
  static void start() {
    db = Database.embedded();
    QueryFixtures.insert(db.jdbi());
    db.jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "UPDATE users SET first_name = 'Ada', name = 'Ada Admin', alias = 'aadmin'");
              OffsetDateTime t = OffsetDateTime.parse("2024-03-01T13:00:10Z");
              for (Object[] row :
                  new Object[][] {
                    {ENTRY_USER, 2, "Agent", USER}, {ENTRY_END_USER, 3, "EndUser", ALICE}
                  }) {
                h.createUpdate(
                        "INSERT INTO conversation_entry (id, conversation_id, seq, entry_time, entry_type, actor_type, actor_id,"
                            + " created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp)"
                            + " VALUES (?, ?, ?, ?, 'Text', ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, (String) row[0])
                    .bind(1, SESSION_1)
                    .bind(2, (int) row[1])
                    .bind(3, t)
                    .bind(4, (String) row[2])
                    .bind(5, (String) row[3])
                    .bind(6, t)
                    .bind(7, USER)
                    .bind(8, t)
                    .bind(9, USER)
                    .bind(10, t)
                    .execute();
              }
            });
    ConvMessageSendRequestRows.insert(db.jdbi(), 3, 1);
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO account (id, name, annual_revenue, number_of_employees, created_date,"
                            + " created_by_id, last_modified_date, last_modified_by_id, system_modstamp) VALUES (?, 'Acme', 1234567.5, 12345, ?, ?, ?, ?, ?)")
                    .bind(0, ACCOUNT)
                    .bind(1, OffsetDateTime.parse("2024-12-28T23:59:00Z"))
                    .bind(2, USER)
                    .bind(3, OffsetDateTime.parse("2024-12-28T23:59:00Z"))
                    .bind(4, USER)
                    .bind(5, OffsetDateTime.parse("2024-12-28T23:59:00Z"))
                    .execute());
    server = QueryFixtures.queryServer(db.jdbi());
  }

  @AfterAll
  static void stop() {
    server.stop();
    db.close();
  }

  @Test
  void polymorphicPathsReadTheNameObjectAndNestTheRealType() throws Exception {
    assertThat(
            records(
                "SELECT Seq, Actor.Name, Actor.Type, Actor.Username FROM ConversationEntry ORDER BY Seq"))
        .isEqualTo(
            "["
                + entry(ENTRY_1)
                + ",\"Seq\":1,\"Actor\":null},"
                + entry(ENTRY_USER)
                + ",\"Seq\":2,\"Actor\":{"
                + attributes("User", USER)
                + ",\"Name\":\"Ada Admin\",\"Type\":\"User\",\"Username\":\"admin@sfsim.dev\"}},"
                + entry(ENTRY_END_USER)
                + ",\"Seq\":3,\"Actor\":{"
                + attributes("MessagingEndUser", ALICE)
                + ",\"Name\":\"Alice\",\"Type\":\"MessagingEndUser\",\"Username\":null}}]");
  }

  @Test
  void polymorphicTypeAndNameFilter() throws Exception {
    assertThat(seqs("SELECT Seq FROM ConversationEntry WHERE Actor.Type IN ('User')"))
        .isEqualTo("[2]");
    assertThat(
            seqs(
                "SELECT Seq FROM ConversationEntry WHERE Actor.Type = 'messagingenduser' OR Actor.Name LIKE 'ada%' ORDER BY Seq DESC"))
        .isEqualTo("[3, 2]");
    assertThat(seqs("SELECT Seq FROM ConversationEntry WHERE Actor.Type != 'User' ORDER BY Seq"))
        .isEqualTo("[1, 3]");
  }

  @Test
  void groupByPolymorphicType() throws Exception {
    assertThat(
            records(
                "SELECT Actor.Type, COUNT(Id) n FROM ConversationEntry WHERE Actor.Type != null GROUP BY Actor.Type"))
        .isEqualTo(
            "[{\"attributes\":{\"type\":\"AggregateResult\"},\"Type\":\"User\",\"n\":1},"
                + "{\"attributes\":{\"type\":\"AggregateResult\"},\"Type\":\"MessagingEndUser\",\"n\":1}]");
  }

  @Test
  void typeOfPicksTheBranchOfTheRealType() throws Exception {
    assertThat(
            records(
                "SELECT Seq, TYPEOF Actor WHEN User THEN Username, Alias WHEN MessagingEndUser THEN Name,"
                    + " MessagingChannel.DeveloperName END FROM ConversationEntry ORDER BY Seq"))
        .isEqualTo(
            "["
                + entry(ENTRY_1)
                + ",\"Seq\":1,\"Actor\":null},"
                + entry(ENTRY_USER)
                + ",\"Seq\":2,\"Actor\":{"
                + attributes("User", USER)
                + ",\"Username\":\"admin@sfsim.dev\",\"Alias\":\"aadmin\"}},"
                + entry(ENTRY_END_USER)
                + ",\"Seq\":3,\"Actor\":{"
                + attributes("MessagingEndUser", ALICE)
                + ",\"Name\":\"Alice\",\"MessagingChannel\":{"
                + attributes("MessagingChannel", QueryServiceTest.SMS)
                + ",\"DeveloperName\":\"SMS\"}}}]");
  }

  @Test
  void typeOfElseAndNoMatchingBranch() throws Exception {
    assertThat(
            records(
                "SELECT TYPEOF Actor WHEN User THEN Username ELSE Name, Type END FROM ConversationEntry WHERE Seq = 3"))
        .isEqualTo(
            "["
                + entry(ENTRY_END_USER)
                + ",\"Actor\":{"
                + attributes("MessagingEndUser", ALICE)
                + ",\"Name\":\"Alice\",\"Type\":\"MessagingEndUser\"}}]");
    // No WHEN matches and there is no ELSE: the nested record keeps its attributes only (inferred).
    assertThat(
            records(
                "SELECT TYPEOF Actor WHEN User THEN Username END FROM ConversationEntry WHERE Seq = 3"))
        .isEqualTo(
            "["
                + entry(ENTRY_END_USER)
                + ",\"Actor\":{"
                + attributes("MessagingEndUser", ALICE)
                + "}}]");
  }

  @Test
  void toLabelAnswersTheLabelUnderTheFieldNameOrAlias() throws Exception {
    String r1 = SalesforceIds.generate("1sr", 1);
    String r2 = SalesforceIds.generate("1sr", 2);
    assertThat(
            records(
                "SELECT RequestStatus, toLabel(RequestStatus) label, toLabel(RequestType) FROM ConvMessageSendRequest"
                    + " WHERE Name IN ('MSJ-00000001', 'MSJ-00000002') ORDER BY Name"))
        .isEqualTo(
            "[{"
                + attributes("ConvMessageSendRequest", r1)
                + ",\"RequestStatus\":\"Pending\",\"label\":\"Pending\","
                + "\"RequestType\":\"SendNotificationMessages\"},"
                + "{"
                + attributes("ConvMessageSendRequest", r2)
                + ",\"RequestStatus\":\"InProgress\",\"label\":\"In Progress\","
                + "\"RequestType\":\"SendNotificationMessages\"}]");
  }

  @Test
  void toLabelInWhereComparesLabels() throws Exception {
    assertThat(
            names(
                "SELECT Name FROM ConvMessageSendRequest WHERE toLabel(RequestStatus) = 'IN PROGRESS'"))
        .isEqualTo("[MSJ-00000002]");
    assertThat(
            names(
                "SELECT Name FROM ConvMessageSendRequest WHERE toLabel(RequestStatus) LIKE '% progress'"))
        .isEqualTo("[MSJ-00000002]");
    assertThat(
            names(
                "SELECT Name FROM ConvMessageSendRequest WHERE toLabel(RequestStatus) NOT IN ('In Progress', 'Completed')"))
        .isEqualTo("[MSJ-00000001]");
    // No label matches: compared with the values, as Salesforce does without a translation.
    assertThat(
            names(
                "SELECT Name FROM ConvMessageSendRequest WHERE toLabel(RequestStatus) = 'Completed'"))
        .isEqualTo("[MSJ-00000003]");
  }

  @Test
  void toLabelInAnAggregateQuery() throws Exception {
    assertThat(
            records(
                "SELECT toLabel(RequestStatus), COUNT(Id) n FROM ConvMessageSendRequest GROUP BY RequestStatus"))
        .isEqualTo(
            "[{\"attributes\":{\"type\":\"AggregateResult\"},\"RequestStatus\":\"Completed\",\"n\":1},"
                + "{\"attributes\":{\"type\":\"AggregateResult\"},\"RequestStatus\":\"In Progress\",\"n\":1},"
                + "{\"attributes\":{\"type\":\"AggregateResult\"},\"RequestStatus\":\"Pending\",\"n\":1}]");
  }

  @Test
  void formatShowsEnUsValuesInGmt() throws Exception {
    assertThat(
            records(
                "SELECT format(StartTime), FORMAT(AgentMessageCount) n, CreatedDate, format(CreatedDate) created"
                    + " FROM MessagingSession WHERE Name = 'MS-0000000001'"))
        .isEqualTo(
            "[{"
                + attributes("MessagingSession", SESSION_1)
                + ",\"StartTime\":\"3/1/2024, 12:00 PM\",\"n\":\"3\","
                + "\"CreatedDate\":\"2024-01-01T10:00:00.000+0000\",\"created\":\"1/1/2024, 10:00 AM\"}]");
    assertThat(
            records(
                "SELECT FORMAT(MIN(StartTime)) firstStart, format(SUM(AgentMessageCount)), MAX(AgentMessageCount) FROM MessagingSession"))
        .isEqualTo(
            "[{\"attributes\":{\"type\":\"AggregateResult\"},\"firstStart\":\"3/1/2024, 12:00 PM\",\"expr0\":\"3\",\"expr1\":3}]");
  }

  @Test
  void formatCurrencyNumbersAndDates() throws Exception {
    assertThat(
            records(
                "SELECT AnnualRevenue, FORMAT(AnnualRevenue) revenue, format(NumberOfEmployees), format(CreatedDate) FROM Account"))
        .isEqualTo(
            "[{"
                + attributes("Account", ACCOUNT)
                + ",\"AnnualRevenue\":1234567.5,\"revenue\":\"$1,234,567.50\","
                + "\"NumberOfEmployees\":\"12,345\",\"CreatedDate\":\"12/28/2024, 11:59 PM\"}]");
    assertThat(
            records(
                "SELECT FORMAT(DAY_ONLY(CreatedDate)) day, FORMAT(SUM(AnnualRevenue)), FORMAT(AVG(NumberOfEmployees)) avg"
                    + " FROM Account GROUP BY DAY_ONLY(CreatedDate)"))
        .isEqualTo(
            "[{\"attributes\":{\"type\":\"AggregateResult\"},\"day\":\"12/28/2024\",\"expr0\":\"$1,234,567.50\",\"avg\":\"12,345\"}]");
  }

  @Test
  void childSubSelectsNestInsideChildSubSelects() throws Exception {
    String soql =
        "SELECT Name, (SELECT Name, (SELECT Seq, TYPEOF Actor WHEN User THEN Username END FROM ConversationEntries"
            + " WHERE Seq > 1 ORDER BY Seq DESC LIMIT 1) FROM MessagingSessions) FROM MessagingEndUser"
            + " WHERE Name IN ('Alice', 'Bob', 'carol_x') ORDER BY Name";
    assertThat(records(soql))
        .isEqualTo(
            "[{"
                + attributes("MessagingEndUser", ALICE)
                + ",\"Name\":\"Alice\","
                + "\"MessagingSessions\":{\"totalSize\":1,\"done\":true,\"records\":[{"
                + attributes("MessagingSession", SESSION_1)
                + ",\"Name\":\"MS-0000000001\",\"ConversationEntries\":{\"totalSize\":1,\"done\":true,\"records\":["
                + entry(ENTRY_END_USER)
                + ",\"Seq\":3,\"Actor\":{"
                + attributes("MessagingEndUser", ALICE)
                + "}}]}}]}},"
                + "{"
                + attributes("MessagingEndUser", QueryServiceTest.BOB)
                + ",\"Name\":\"Bob\","
                + "\"MessagingSessions\":{\"totalSize\":1,\"done\":true,\"records\":[{"
                + attributes("MessagingSession", QueryServiceTest.SESSION_2)
                + ",\"Name\":\"MS-0000000002\",\"ConversationEntries\":null}]}},"
                + "{"
                + attributes("MessagingEndUser", QueryServiceTest.CAROL)
                + ",\"Name\":\"carol_x\",\"MessagingSessions\":null}]");
    HttpResponse<String> old = get(soql, "v57.0");
    assertThat(old.statusCode()).isEqualTo(400);
    assertThat(old.body())
        .contains(
            "SOQL statements cannot query aggregate relationships more than 1 level away from the root entity object.")
        .contains("MALFORMED_QUERY");
  }

  @Test
  void includesAndExcludesOnlyOnMultiSelectPicklists() throws Exception {
    HttpResponse<String> r =
        get(
            "SELECT Id FROM MessagingEndUser WHERE MessageType INCLUDES ('Text;WhatsApp', 'Phone')");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo(
            "[{\"message\":\"\\nSELECT Id FROM MessagingEndUser WHERE MessageType INCLUDES ('Text;WhatsApp', 'Phone')"
                + "\\n                                      ^\\nERROR at Row:1:Column:39\\nincludes or excludes operator only valid on multipicklist field\","
                + "\"errorCode\":\"INVALID_QUERY_FILTER_OPERATOR\"}]");
  }

  @Test
  void columnMetadataOfTypeOfAndNestedSubSelects() throws Exception {
    String soql =
        "SELECT Id, (SELECT Name, (SELECT TYPEOF Actor WHEN User THEN Username ELSE Name END, toLabel(ActorType) t"
            + " FROM ConversationEntries) FROM MessagingSessions) FROM MessagingEndUser";
    String path =
        "/services/data/v60.0/query?columns=true&q="
            + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode sessions = JSON.readTree(r.body()).get("columnMetadata").get(1);
    assertThat(sessions.get("columnName").asText()).isEqualTo("MessagingSessions");
    JsonNode entries = sessions.get("joinColumns").get(1);
    assertThat(entries.get("columnName").asText()).isEqualTo("ConversationEntries");
    assertThat(entries.get("joinColumns").get(0).get("columnName").asText()).isEqualTo("Actor");
    assertThat(entries.get("joinColumns").get(0).get("joinColumns").size()).isEqualTo(2);
    assertThat(entries.get("joinColumns").get(1).get("columnName").asText()).isEqualTo("t");
  }

  static String entry(String id) {
    return "{" + attributes("ConversationEntry", id);
  }

  static String attributes(String type, String id) {
    return "\"attributes\":{\"type\":\"" + type + "\",\"url\":\"" + BASE + type + "/" + id + "\"}";
  }

  /** The {@code records} array of a 200 answer, as JSON text. */
  static String records(String soql) throws Exception {
    HttpResponse<String> r = get(soql);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("records").toString();
  }

  private static String seqs(String soql) throws Exception {
    JsonNode records = JSON.readTree(records(soql));
    java.util.List<Integer> seqs = new java.util.ArrayList<>();
    records.forEach(r -> seqs.add(r.get("Seq").asInt()));
    return seqs.toString();
  }

  private static String names(String soql) throws Exception {
    java.util.List<String> names = new java.util.ArrayList<>();
    JSON.readTree(records(soql)).forEach(r -> names.add(r.get("Name").asText()));
    return names.toString();
  }

  static HttpResponse<String> get(String soql) throws Exception {
    return get(soql, "v60.0");
  }

  static HttpResponse<String> get(String soql, String version) throws Exception {
    String path =
        "/services/data/" + version + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
