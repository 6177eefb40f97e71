package dev.sfsim.simulator.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.Database;
import dev.sfsim.simulator.soql.RandomSoql;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs SOQL against the embedded PostgreSQL and checks Salesforce's exact result JSON ("Query",
 * REST API Developer Guide; "Relationship Queries", SOQL and SOSL Reference).
 */
class QueryServiceTest {
  static final ApiVersion V60 = new ApiVersion(60);
  static final String USER = SalesforceIds.generate("005", 1);
  static final String SMS = SalesforceIds.generate("0Mj", 1);
  static final String WHATSAPP = SalesforceIds.generate("0Mj", 2);
  static final String ALICE = SalesforceIds.generate("0PA", 1);
  static final String BOB = SalesforceIds.generate("0PA", 2);
  static final String CAROL = SalesforceIds.generate("0PA", 3);
  static final String DAVE_DELETED = SalesforceIds.generate("0PA", 4);
  static final String SESSION_1 = SalesforceIds.generate("0Mw", 1);
  static final String SESSION_2 = SalesforceIds.generate("0Mw", 2);
  static final String ENTRY_1 = SalesforceIds.generate("0Zy", 1);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Database db;
  private static QueryService service;

  @BeforeAll
  static void start() {
    db = Database.embedded();
    service = new QueryService(db.jdbi(), Catalog.standard());
    QueryFixtures.insert(db.jdbi());
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void fieldsInSelectOrderWithCanonicalNamesAnd15CharacterIdMatchingThe18CharacterOne() {
    assertThat(
            query(
                "select messagingplatformkey, NAME, id from MESSAGINGENDUSER where id = '"
                    + ALICE.substring(0, 15)
                    + "'"))
        .isEqualTo(
            "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"MessagingEndUser\","
                + "\"url\":\"/services/data/v60.0/sobjects/MessagingEndUser/"
                + ALICE
                + "\"},"
                + "\"MessagingPlatformKey\":\"+15550001\",\"Name\":\"Alice\",\"Id\":\""
                + ALICE
                + "\"}]}");
  }

  @Test
  void idOnlyInAttributesWhenNotSelectedAndUrlUsesTheRequestVersion() {
    assertThat(
            query(
                "SELECT Name FROM MessagingEndUser WHERE Id = '" + BOB + "'",
                new ApiVersion(55),
                false))
        .isEqualTo(
            "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"MessagingEndUser\","
                + "\"url\":\"/services/data/v55.0/sobjects/MessagingEndUser/"
                + BOB
                + "\"},\"Name\":\"Bob\"}]}");
  }

  @Test
  void inOrderByDescNullsLastAndNullValues() {
    assertThat(
            names(
                "SELECT Name, Locale FROM MessagingEndUser WHERE Name IN ('alice', 'Bob', 'carol_x') ORDER BY Locale DESC NULLS LAST"))
        .isEqualTo("[Alice, carol_x, Bob]");
    assertThat(names("SELECT Name FROM MessagingEndUser ORDER BY Locale NULLS FIRST, Name"))
        .isEqualTo("[Bob, carol_x, Alice]");
    assertThat(query("SELECT Locale FROM MessagingEndUser WHERE Id = '" + BOB + "'"))
        .contains("\"Locale\":null");
  }

  @Test
  void andOrNotWithSoqlNullSemantics() {
    assertThat(
            names(
                "SELECT Name FROM MessagingEndUser WHERE MessageType = 'TEXT' AND (Locale = 'en_US' OR Locale = 'de_DE') ORDER BY Name"))
        .isEqualTo("[Alice, carol_x]");
    // != and NOT match rows whose field is null, as in SOQL (two-valued logic).
    assertThat(names("SELECT Name FROM MessagingEndUser WHERE Locale != 'en_US' ORDER BY Name"))
        .isEqualTo("[Bob, carol_x]");
    assertThat(names("SELECT Name FROM MessagingEndUser WHERE NOT Locale = 'en_US' ORDER BY Name"))
        .isEqualTo("[Bob, carol_x]");
    assertThat(
            names("SELECT Name FROM MessagingEndUser WHERE Locale NOT IN ('de_DE') ORDER BY Name"))
        .isEqualTo("[Alice, Bob]");
    assertThat(names("SELECT Name FROM MessagingEndUser WHERE Locale = null")).isEqualTo("[Bob]");
  }

  @Test
  void likeIsCaseInsensitiveAndHonoursEscapes() {
    assertThat(names("SELECT Name FROM MessagingEndUser WHERE Name LIKE 'CAROL\\_%'"))
        .isEqualTo("[carol_x]");
    assertThat(names("SELECT Name FROM MessagingEndUser WHERE Name LIKE 'al%'"))
        .isEqualTo("[Alice]");
    assertThat(names("SELECT Name FROM MessagingEndUser WHERE Name LIKE 'A\\%'")).isEqualTo("[]");
  }

  @Test
  void limitAndOffset() {
    assertThat(names("SELECT Name FROM MessagingEndUser ORDER BY Name DESC LIMIT 2"))
        .isEqualTo("[carol_x, Bob]");
    assertThat(names("SELECT Name FROM MessagingEndUser ORDER BY Name LIMIT 1 OFFSET 1"))
        .isEqualTo("[Bob]");
  }

  @Test
  void countPutsTheNumberInTotalSize() {
    assertThat(query("SELECT COUNT() FROM MessagingEndUser"))
        .isEqualTo("{\"totalSize\":3,\"done\":true,\"records\":[]}");
    assertThat(query("select count() from MessagingEndUser where MessageType = 'Text' limit 1"))
        .isEqualTo("{\"totalSize\":1,\"done\":true,\"records\":[]}");
    assertThat(query("SELECT COUNT() FROM MessagingEndUser", V60, true))
        .isEqualTo("{\"totalSize\":4,\"done\":true,\"records\":[]}");
  }

  @Test
  void deletedRowsOnlyThroughQueryAll() {
    String soql = "SELECT Name, IsDeleted FROM MessagingEndUser WHERE Id = '" + DAVE_DELETED + "'";
    assertThat(query(soql)).isEqualTo("{\"totalSize\":0,\"done\":true,\"records\":[]}");
    assertThat(query(soql, V60, true))
        .isEqualTo(
            "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":"
                + "\"MessagingEndUser\",\"url\":\"/services/data/v60.0/sobjects/MessagingEndUser/"
                + DAVE_DELETED
                + "\"},"
                + "\"Name\":\"Dave\",\"IsDeleted\":true}]}");
  }

  @Test
  void parentRelationshipsNestWithTheirOwnAttributesAndNullWhenEmpty() {
    String base = "/services/data/v60.0/sobjects/";
    assertThat(
            query(
                "SELECT Id, MessagingEndUser.Name, Owner.Username, MessagingEndUser.MessagingChannel.MasterLabel, Status"
                    + " FROM MessagingSession ORDER BY Name"))
        .isEqualTo(
            "{\"totalSize\":2,\"done\":true,\"records\":["
                + "{\"attributes\":{\"type\":\"MessagingSession\",\"url\":\""
                + base
                + "MessagingSession/"
                + SESSION_1
                + "\"},"
                + "\"Id\":\""
                + SESSION_1
                + "\","
                + "\"MessagingEndUser\":{\"attributes\":{\"type\":\"MessagingEndUser\",\"url\":\""
                + base
                + "MessagingEndUser/"
                + ALICE
                + "\"},"
                + "\"Name\":\"Alice\",\"MessagingChannel\":{\"attributes\":{\"type\":\"MessagingChannel\",\"url\":\""
                + base
                + "MessagingChannel/"
                + SMS
                + "\"},\"MasterLabel\":\"SMS Channel\"}},"
                + "\"Owner\":{\"attributes\":{\"type\":\"User\",\"url\":\""
                + base
                + "User/"
                + USER
                + "\"},\"Username\":\"admin@sfsim.dev\"},"
                + "\"Status\":\"Active\"},"
                + "{\"attributes\":{\"type\":\"MessagingSession\",\"url\":\""
                + base
                + "MessagingSession/"
                + SESSION_2
                + "\"},"
                + "\"Id\":\""
                + SESSION_2
                + "\","
                + "\"MessagingEndUser\":{\"attributes\":{\"type\":\"MessagingEndUser\",\"url\":\""
                + base
                + "MessagingEndUser/"
                + BOB
                + "\"},"
                + "\"Name\":\"Bob\",\"MessagingChannel\":{\"attributes\":{\"type\":\"MessagingChannel\",\"url\":\""
                + base
                + "MessagingChannel/"
                + WHATSAPP
                + "\"},\"MasterLabel\":\"WhatsApp Channel\"}},"
                + "\"Owner\":null,\"Status\":\"Ended\"}]}");
    assertThat(
            names(
                "SELECT Name FROM MessagingSession WHERE MessagingEndUser.MessagingChannel.DeveloperName = 'sms'"))
        .isEqualTo("[MS-0000000001]");
    assertThat(names("SELECT Name FROM MessagingSession WHERE Owner.Username = null"))
        .isEqualTo("[MS-0000000002]");
  }

  @Test
  void valueFormatsByFieldType() {
    assertThat(
            query(
                "SELECT EntryTime, Seq, HasAttachments, Message, MessageSendTime FROM ConversationEntry"))
        .isEqualTo(
            "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"ConversationEntry\","
                + "\"url\":\"/services/data/v60.0/sobjects/ConversationEntry/"
                + ENTRY_1
                + "\"},"
                + "\"EntryTime\":\"2024-03-01T12:00:05.123+0000\",\"Seq\":1,\"HasAttachments\":false,"
                + "\"Message\":\"hello \\\"world\\\"\",\"MessageSendTime\":null}]}");
    assertThat(
            names(
                "SELECT Name FROM MessagingSession WHERE StartTime >= 2024-03-01T13:00:00+01:00 AND AgentMessageCount > 2.5"))
        .isEqualTo("[MS-0000000001]");
    assertThat(names("SELECT Name FROM MessagingSession WHERE StartTime > 2024-03-01T12:00:00Z"))
        .isEqualTo("[]");
  }

  @Test
  void objectsAndFieldsFollowTheRequestVersion() {
    assertThat(query("SELECT Id FROM ConvMessageSendRequest"))
        .isEqualTo("{\"totalSize\":0,\"done\":true,\"records\":[]}");
    assertThatThrownBy(
            () -> service.query("SELECT Id FROM ConvMessageSendRequest", new ApiVersion(59), false))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_TYPE));
  }

  @Test
  void childSubSelectsNestAQueryResultOrNull() {
    assertThat(
            query(
                "SELECT Name, (SELECT Seq, ActorType FROM ConversationEntries WHERE ActorType = 'enduser' ORDER BY Seq LIMIT 5)"
                    + " FROM MessagingSession ORDER BY Name"))
        .isEqualTo(
            "{\"totalSize\":2,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"MessagingSession\",\"url\":"
                + "\"/services/data/v60.0/sobjects/MessagingSession/"
                + SESSION_1
                + "\"},\"Name\":\"MS-0000000001\","
                + "\"ConversationEntries\":{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":\"ConversationEntry\","
                + "\"url\":\"/services/data/v60.0/sobjects/ConversationEntry/"
                + ENTRY_1
                + "\"},\"Seq\":1,\"ActorType\":\"EndUser\"}]}},"
                + "{\"attributes\":{\"type\":\"MessagingSession\",\"url\":\"/services/data/v60.0/sobjects/MessagingSession/"
                + SESSION_2
                + "\"},\"Name\":\"MS-0000000002\",\"ConversationEntries\":null}]}");
  }

  @Test
  void semiJoinsAndAntiJoins() {
    assertThat(
            query(
                "SELECT Name FROM MessagingEndUser WHERE Id IN (SELECT MessagingEndUserId FROM MessagingSession WHERE Status = 'Active')"))
        .contains("\"Name\":\"Alice\"")
        .startsWith("{\"totalSize\":1,");
    assertThat(
            query(
                "SELECT Name FROM MessagingEndUser WHERE Id NOT IN (SELECT MessagingEndUserId FROM MessagingSession) ORDER BY Name"))
        .contains("\"Name\":\"carol_x\"")
        .startsWith("{\"totalSize\":1,");
  }

  @Test
  void missingAndEmptyQueries() {
    assertThatThrownBy(() -> service.query(null, V60, false))
        .hasMessage("A query string has to be specified");
    assertThatThrownBy(() -> service.query("", V60, false))
        .hasMessage("SOQL statements cannot be empty or null");
  }

  @Test
  void generatedQueriesRunOrFailAsSalesforceErrors() {
    RandomSoql random = new RandomSoql(7L);
    int ran = 0;
    for (int i = 0; i < 600; i++) {
      String soql = i % 3 == 0 ? random.mutated() : random.query();
      try {
        service.query(soql, V60, i % 2 == 0);
        ran++;
      } catch (SalesforceException e) {
        assertThat(e.status()).as(soql).isIn(400, 501);
      } catch (RuntimeException e) {
        throw new AssertionError("not a SalesforceException for " + soql, e);
      }
    }
    assertThat(ran).as("queries that reached the database").isGreaterThan(50);
  }

  static String query(String soql) {
    return query(soql, V60, false);
  }

  static String query(String soql, ApiVersion version, boolean queryAll) {
    try {
      return JSON.writeValueAsString(service.query(soql, version, queryAll));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code Name} of each record, in order. */
  @SuppressWarnings("unchecked")
  private static String names(String soql) {
    var records =
        (java.util.List<Map<String, Object>>) service.query(soql, V60, false).get("records");
    return records.stream().map(r -> String.valueOf(r.get("Name"))).toList().toString();
  }
}
