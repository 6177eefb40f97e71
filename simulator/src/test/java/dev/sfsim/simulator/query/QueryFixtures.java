package dev.sfsim.simulator.query;

import static dev.sfsim.simulator.query.QueryServiceTest.ALICE;
import static dev.sfsim.simulator.query.QueryServiceTest.BOB;
import static dev.sfsim.simulator.query.QueryServiceTest.CAROL;
import static dev.sfsim.simulator.query.QueryServiceTest.DAVE_DELETED;
import static dev.sfsim.simulator.query.QueryServiceTest.ENTRY_1;
import static dev.sfsim.simulator.query.QueryServiceTest.SESSION_1;
import static dev.sfsim.simulator.query.QueryServiceTest.SESSION_2;
import static dev.sfsim.simulator.query.QueryServiceTest.SMS;
import static dev.sfsim.simulator.query.QueryServiceTest.USER;
import static dev.sfsim.simulator.query.QueryServiceTest.WHATSAPP;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.http.HttpServer;
import dev.sfsim.simulator.soql.SoqlCompiler;
import io.javalin.Javalin;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Rows for the query tests, inserted with plain SQL (no simulator code involved), and a query-only
 * server.
 */
final class QueryFixtures {
  private static final String AUDIT =
      "created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp";
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-01-01T10:00:00Z");

  private QueryFixtures() {}

  /**
   * A server with only the query routes over {@code jdbi} (no authentication filter), on a free
   * port.
   */
  static Javalin queryServer(Jdbi jdbi) {
    SoqlCompiler compiler = new SoqlCompiler(Catalog.standard());
    SimClock clock = new SimClock();
    QueryRoutes routes =
        new QueryRoutes(
            new QueryService(jdbi, compiler, clock), new QueryExplainer(jdbi, compiler, clock));
    return HttpServer.create(
            r -> {
              r.get("/services/data/{version}/query", routes::query);
              r.get("/services/data/{version}/queryAll", routes::queryAll);
              r.get("/services/data/{version}/query/{locator}", routes::next);
              r.get("/services/data/{version}/queryAll/{locator}", routes::next);
            })
        .start(0);
  }

  static void insert(Jdbi jdbi) {
    jdbi.useTransaction(
        h -> {
          exec(
              h,
              "INSERT INTO users (id, username, last_name, email, is_active, "
                  + AUDIT
                  + ") VALUES (?, 'admin@sfsim.dev', 'Admin', 'admin@sfsim.dev', true, ?, ?, ?, ?, ?)",
              USER);
          exec(
              h,
              "INSERT INTO messaging_channel (id, master_label, developer_name, message_type, messaging_platform_key, is_active, "
                  + AUDIT
                  + ") VALUES (?, 'SMS Channel', 'SMS', 'Text', '+15550100', true, ?, ?, ?, ?, ?)",
              SMS);
          exec(
              h,
              "INSERT INTO messaging_channel (id, master_label, developer_name, message_type, messaging_platform_key, is_active, "
                  + AUDIT
                  + ") VALUES (?, 'WhatsApp Channel', 'WA', 'WhatsApp', 'wa-1', false, ?, ?, ?, ?, ?)",
              WHATSAPP);
          endUser(h, ALICE, "Alice", SMS, "+15550001", "Text", "en_US", false);
          endUser(h, BOB, "Bob", WHATSAPP, "+15550002", "WhatsApp", null, false);
          endUser(h, CAROL, "carol_x", SMS, "+15550003", "Text", "de_DE", false);
          endUser(h, DAVE_DELETED, "Dave", SMS, "+15550004", "Text", "en_US", true);
          exec(
              h,
              "INSERT INTO messaging_session (id, name, status, messaging_end_user_id, messaging_channel_id, owner_id, start_time, agent_message_count, "
                  + AUDIT
                  + ") VALUES (?, 'MS-0000000001', 'Active', ?, ?, ?, ?, 3, ?, ?, ?, ?, ?)",
              SESSION_1,
              ALICE,
              SMS,
              USER,
              OffsetDateTime.parse("2024-03-01T12:00:00Z"));
          exec(
              h,
              "INSERT INTO messaging_session (id, name, status, messaging_end_user_id, messaging_channel_id, "
                  + AUDIT
                  + ") VALUES (?, 'MS-0000000002', 'Ended', ?, ?, ?, ?, ?, ?, ?)",
              SESSION_2,
              BOB,
              WHATSAPP);
          exec(
              h,
              "INSERT INTO conversation_entry (id, conversation_id, seq, entry_time, entry_type, actor_type, message, "
                  + AUDIT
                  + ") VALUES (?, ?, 1, ?, 'Text', 'EndUser', 'hello \"world\"', ?, ?, ?, ?, ?)",
              ENTRY_1,
              SESSION_1,
              OffsetDateTime.parse("2024-03-01T13:00:05.123456+01:00"));
        });
  }

  private static void endUser(
      Handle h,
      String id,
      String name,
      String channel,
      String key,
      String type,
      String locale,
      boolean deleted) {
    exec(
        h,
        "INSERT INTO messaging_end_user (id, name, messaging_channel_id, messaging_platform_key, message_type, locale, is_deleted, "
            + AUDIT
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        name,
        channel,
        key,
        type,
        locale,
        deleted);
  }

  /** Runs an insert whose trailing five placeholders are the audit columns. */
  private static void exec(Handle h, String sql, Object... values) {
    var update = h.createUpdate(sql);
    int i = 0;
    for (Object v : values) {
      update.bindByType(i++, v, v == null ? String.class : v.getClass());
    }
    for (Object v : new Object[] {T0, USER, T0, USER, T0}) {
      update.bind(i++, v);
    }
    update.execute();
  }
}
