package dev.sfsim.simulator.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Makes an org schema exactly as Flyway migrates one, in one transaction and one round trip: the
 * migration scripts Flyway applied to a reference schema (named by its history table, in its
 * order), its history table's definition read from the catalog, and its history rows (installed
 * now). Flyway's own run costs a classpath scan, a validation, a lock and a transaction per
 * migration; a schema made here has the same tables, indexes, constraints, sequences, functions,
 * triggers and grants (the same statements made them) and a history a later migrate finds up to
 * date. A crash part-way leaves nothing: the schema is created in the same transaction.
 */
final class SchemaClone {
  /** Flyway's history table (its default name). */
  static final String HISTORY = "flyway_schema_history";

  private final String script;
  private final String reference;
  private final String history;

  private SchemaClone(String script, String reference, String history) {
    this.script = script;
    this.reference = reference;
    this.history = history;
  }

  /**
   * Reads what to replay from {@code reference}, a schema Flyway created and migrated.
   *
   * @throws IllegalStateException when the reference cannot be read or a script is missing
   */
  static SchemaClone capture(DataSource ds, String reference) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          // catalog functions then print names visible in the reference unqualified
          s.execute("SET LOCAL search_path TO " + Database.quote(reference));
        }
        StringBuilder ddl = new StringBuilder(historyTable(c, reference));
        List<String> scripts = new ArrayList<>();
        String rows;
        try (PreparedStatement p =
            c.prepareStatement(
                "SELECT script, type FROM " + HISTORY + " WHERE success ORDER BY installed_rank")) {
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              if (rs.getString(2).equals("SQL")) {
                scripts.add(rs.getString(1));
              }
            }
          }
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT json_agg(h) FROM " + HISTORY + " h")) {
          rs.next();
          rows = rs.getString(1);
        }
        for (String name : scripts) {
          ddl.append(resource("db/migration/" + name)).append("\n;\n");
        }
        return new SchemaClone(ddl.toString(), reference, rows);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot read schema " + reference + "'s migrations: " + e.getMessage(), e);
    }
  }

  /**
   * Creates and migrates {@code schema} over a pooled connection (its search path moves only for
   * the transaction). The history's schema-creation row names the new schema, and every row is
   * installed now.
   */
  void create(DataSource ds, String schema) {
    String quoted = Database.quote(schema);
    String rows = history.replace(reference, schema);
    String sql =
        "CREATE SCHEMA "
            + quoted
            + ";SET LOCAL search_path TO "
            + quoted
            + ";\n"
            + script
            + "INSERT INTO "
            + HISTORY
            + " SELECT * FROM json_populate_recordset(NULL::"
            + HISTORY
            + ", CAST($sfsim$"
            + rows
            + "$sfsim$ AS json));UPDATE "
            + HISTORY
            + " SET installed_on = now()";
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(sql);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create schema " + schema + ": " + e.getMessage(), e);
    }
  }

  /**
   * The history table's definition as Flyway made it: columns (type, default, NOT NULL), then its
   * constraints and other indexes under their names.
   */
  private static String historyTable(Connection c, String reference) throws SQLException {
    List<String> columns = new ArrayList<>();
    StringBuilder after = new StringBuilder();
    String table = "CAST('" + HISTORY + "' AS regclass)";
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                    + " pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a LEFT JOIN pg_attrdef d"
                    + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = "
                    + table
                    + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
      while (rs.next()) {
        String def = rs.getString(4);
        columns.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + (rs.getBoolean(3) ? " NOT NULL" : "")
                + (def == null ? "" : " DEFAULT " + def));
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conrelid = "
                    + table
                    + " AND contype <> 'n' ORDER BY oid")) {
      while (rs.next()) {
        after
            .append("ALTER TABLE ")
            .append(HISTORY)
            .append(" ADD CONSTRAINT ")
            .append(rs.getString(1))
            .append(' ')
            .append(rs.getString(2))
            .append(";\n");
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = "
                    + table
                    + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid"
                    + " AND k.conrelid = i.indrelid) ORDER BY i.indexrelid")) {
      while (rs.next()) {
        // the table is always qualified
        after.append(rs.getString(1).replace(" ON " + reference + ".", " ON ")).append(";\n");
      }
    }
    return "CREATE TABLE " + HISTORY + " (" + String.join(", ", columns) + ");\n" + after;
  }

  private static String resource(String path) {
    try (InputStream in = SchemaClone.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Migration " + path + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
