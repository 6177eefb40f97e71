package dev.sfsim.simulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An org schema made by replaying Flyway's migrations ({@link SchemaClone}) is the schema Flyway
 * makes: the same catalog objects, and a history Flyway validates and has nothing to add to.
 */
class SchemaCloneTest {
  private static Database db;

  @BeforeAll
  static void start() {
    db =
        Database.embedded(
            null, List.of(new Database.ExtraColumn("account", "cf_tier", "text", true)));
    db.createOrgSchema("org_flyway"); // the first: Flyway
    db.createOrgSchema("org_clone");
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void cloneHasTheCatalogFlywayMakes() {
    for (String query : CATALOG) {
      assertThat(describe("org_clone", query)).as(query).isEqualTo(describe("org_flyway", query));
    }
    assertThat(describe("org_clone", CATALOG.get(0))).hasSizeGreaterThan(100);
  }

  @Test
  void flywayFindsTheCloneUpToDate() {
    Flyway flyway =
        Flyway.configure()
            .dataSource(db.dataSource())
            .schemas("org_clone")
            .defaultSchema("org_clone")
            .locations("classpath:db/migration")
            .load();
    assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    MigrateResult result = flyway.migrate();
    assertThat(result.migrationsExecuted).isZero();
    assertThat(
            describe(
                "org_clone",
                "SELECT installed_rank || ' ' || coalesce(version, '') || ' ' || type || ' ' || script"
                    + " || ' ' || coalesce(checksum, 0) || ' ' || success FROM flyway_schema_history"))
        .isEqualTo(
            describe(
                    "org_flyway",
                    "SELECT installed_rank || ' ' || coalesce(version, '') || ' ' || type || ' ' ||"
                        + " script || ' ' || coalesce(checksum, 0) || ' ' || success FROM"
                        + " flyway_schema_history")
                .stream()
                .map(r -> r.replace("org_flyway", "org_clone"))
                .toList());
  }

  /** One line per object, names unqualified. */
  private static List<String> describe(String schema, String query) {
    return db.jdbi(schema)
        .inTransaction(
            h -> {
              h.execute("SET LOCAL search_path TO " + schema);
              return h.createQuery(query + " ORDER BY 1").mapTo(String.class).list().stream()
                  .map(line -> line.replace(schema + ".", "")) // index definitions are qualified
                  .toList();
            });
  }

  private static final String IN_SCHEMA = " = CAST(current_schema() AS regnamespace)";

  private static final List<String> CATALOG =
      List.of(
          "SELECT c.relname || ' ' || c.relkind::text || ' ' || a.attnum || ' ' || a.attname || ' '"
              + " || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '"
              + " || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' ' || a.attgenerated::text"
              + " || ' ' || coalesce(c.relacl::text, '') || ' ' || pg_get_userbyid(c.relowner)"
              + " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
              + " AND NOT a.attisdropped LEFT JOIN pg_attrdef d ON d.adrelid = c.oid"
              + " AND d.adnum = a.attnum WHERE c.relnamespace"
              + IN_SCHEMA,
          "SELECT conrelid::regclass || ' ' || conname || ' ' || contype::text || ' '"
              + " || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace"
              + IN_SCHEMA,
          "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c"
              + " ON c.oid = i.indexrelid WHERE c.relnamespace"
              + IN_SCHEMA,
          "SELECT sequencename || ' ' || data_type || ' ' || start_value || ' ' || min_value"
              + " || ' ' || max_value || ' ' || increment_by || ' ' || cycle || ' '"
              + " || coalesce(last_value, -1) || ' ' || sequenceowner FROM pg_sequences"
              + " WHERE schemaname = current_schema()",
          "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c"
              + " ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace"
              + IN_SCHEMA,
          "SELECT p.proname || ' ' || pg_get_function_arguments(p.oid) || ' ' || p.prosrc"
              + " || ' ' || coalesce(p.proacl::text, '') FROM pg_proc p WHERE p.pronamespace"
              + IN_SCHEMA,
          "SELECT c.relname || ' ' || pg_get_viewdef(c.oid) FROM pg_class c"
              + " WHERE c.relkind IN ('v', 'm') AND c.relnamespace"
              + IN_SCHEMA,
          "SELECT t.typname || ' ' || t.typtype::text FROM pg_type t WHERE t.typnamespace"
              + IN_SCHEMA,
          "SELECT coalesce(nspacl::text, '') || ' ' || pg_get_userbyid(nspowner)"
              + " FROM pg_namespace WHERE nspname = current_schema()");
}
