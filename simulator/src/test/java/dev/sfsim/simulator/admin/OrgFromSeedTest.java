package dev.sfsim.simulator.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.persistence.Database;
import dev.sfsim.simulator.server.OrgRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orgs after the first are made from its reset template, moved to their identity: each holds, but
 * for the load's timestamps, exactly what its own full reset (startup fixtures loaded a record at a
 * time) loads, in every table and sequence.
 */
class OrgFromSeedTest {

  @Test
  void everyNewOrgHoldsWhatItsOwnFullResetLoads() throws Exception {
    SimulatorConfig config =
        SimulatorConfig.defaults()
            .withPort(0)
            .withFixtureDirs(List.of(Path.of("src/test/resources/fixtures")));
    try (Simulator sim = Simulator.start(config)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ids.add(
            given()
                .baseUri(sim.baseUrl())
                .post("/__admin/orgs")
                .then()
                .statusCode(201)
                .extract()
                .path("orgId"));
      }
      Database db = (Database) field(sim, "database");
      Map<?, ?> created = (Map<?, ?>) field(field(sim, "orgs"), "created");
      for (String id : ids) {
        OrgRuntime org = (OrgRuntime) created.get(id);
        List<String> made = dump(db, org.schema());
        assertThat(String.join("\n", made)).contains(id);
        var template = ResetService.class.getDeclaredField("template");
        template.setAccessible(true);
        template.set(org.reset(), null); // the next reset is a full one
        given()
            .baseUri(sim.baseUrl())
            .post("/__admin/orgs/" + id + "/reset")
            .then()
            .statusCode(204);
        assertThat(dump(db, org.schema())).isEqualTo(made);
      }
    }
  }

  /**
   * Every table's rows without their timestamps (nor the clock's change counter), and every
   * sequence's state; not the reset template's copies of its rows (each capture makes its own, so a
   * full reset adds a set).
   */
  private static List<String> dump(Database db, String schema) {
    return db.jdbi(schema)
        .withHandle(
            h -> {
              List<String> out = new ArrayList<>();
              List<String> tables =
                  h.createQuery(
                          "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                              + " AND tablename <> 'flyway_schema_history'"
                              // the reset template's copies: each capture makes its own
                              + " AND tablename NOT LIKE 'sfsim\\_reset\\_%' ORDER BY 1")
                      .mapTo(String.class)
                      .list();
              for (String t : tables) {
                out.add(
                    t
                        + ": "
                        + h.createQuery(
                                "SELECT coalesce(jsonb_agg(r ORDER BY r)::text, '') FROM (SELECT"
                                    + " to_jsonb(t) - CAST(ARRAY(SELECT attname FROM pg_attribute"
                                    + " WHERE attrelid = CAST(:t AS regclass) AND atttypid ="
                                    + " CAST('timestamptz' AS regtype)) AS text[])"
                                    // the clock's change counter: every reset is one
                                    + (t.equals("sim_clock") ? " - 'version'" : "")
                                    + " AS r FROM "
                                    + t
                                    + " t) x")
                            .bind("t", t)
                            .mapTo(String.class)
                            .one());
              }
              out.addAll(
                  h.createQuery(
                          "SELECT sequencename || ' ' || coalesce(last_value, -1) FROM pg_sequences"
                              + " WHERE schemaname = current_schema() ORDER BY 1")
                      .mapTo(String.class)
                      .list());
              return out;
            });
  }

  private static Object field(Object o, String name) throws Exception {
    var f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }
}
