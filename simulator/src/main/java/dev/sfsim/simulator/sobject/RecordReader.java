package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.catalog.FieldValues;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Reads records of any catalog object and shapes them as the REST API does ("Retrieve a Record"):
 * {@code {"attributes":{"type":X,"url":"/services/data/vNN.N/sobjects/X/<id>"},<field>:<value>,…}}
 * with every requested field present (nulls explicit), in describe order, values formatted as in
 * query results.
 */
final class RecordReader {
  /** One row of a getDeleted answer. */
  record Deleted(String id, Instant deletedDate) {}

  private RecordReader() {}

  /**
   * The live (or, with {@code includeDeleted}, any) record with the 18-character id; the given
   * fields only.
   */
  static Optional<Map<String, Object>> retrieve(
      Handle h,
      SObjectType type,
      String id,
      List<SObjectField> fields,
      String basePath,
      boolean includeDeleted) {
    List<String> cols = new ArrayList<>();
    for (SObjectField f : fields) {
      cols.add(f.column());
    }
    if (cols.isEmpty()) {
      cols.add("id");
    }
    String sql =
        "SELECT "
            + String.join(", ", cols)
            + " FROM "
            + type.table()
            + " WHERE id = :id"
            + (includeDeleted ? "" : " AND NOT is_deleted");
    return h.createQuery(sql)
        .bind("id", id)
        .map(
            (rs, ctx) -> {
              Map<String, Object> rec = new LinkedHashMap<>();
              rec.put("attributes", attributes(type, id, basePath));
              for (SObjectField f : fields) {
                rec.put(f.name(), FieldValues.toJson(f, rs.getObject(f.column())));
              }
              return rec;
            })
        .findOne();
  }

  /** {@code {"type":X,"url":…}}. */
  static Map<String, Object> attributes(SObjectType type, String id, String basePath) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("type", type.name());
    a.put("url", basePath + "/sobjects/" + type.name() + "/" + id);
    return a;
  }

  /** Whether a record with the id exists: empty if never, else whether it is deleted. */
  static Optional<Boolean> deleted(Handle h, SObjectType type, String id) {
    return h.createQuery("SELECT is_deleted FROM " + type.table() + " WHERE id = :id")
        .bind("id", id)
        .mapTo(Boolean.class)
        .findOne();
  }

  /** Ids of live records whose field equals the value, oldest first (at most {@code limit}). */
  static List<String> idsWhere(
      Handle h, SObjectType type, SObjectField field, @Nullable Object value, int limit) {
    return h.createQuery(
            "SELECT id FROM "
                + type.table()
                + " WHERE "
                + field.column()
                + " = :v AND NOT is_deleted"
                + " ORDER BY created_date, id LIMIT "
                + limit)
        .bind("v", value)
        .mapTo(String.class)
        .list();
  }

  /** The most recently modified live records: {@code attributes}, {@code Id} and the name field. */
  static List<Map<String, Object>> recent(Handle h, SObjectType type, String basePath, int limit) {
    Optional<SObjectField> name =
        type.fields().stream().filter(f -> f.attributes().nameField()).findFirst();
    String sql =
        "SELECT id"
            + name.map(f -> ", " + f.column()).orElse("")
            + " FROM "
            + type.table()
            + " WHERE NOT is_deleted ORDER BY last_modified_date DESC, id DESC LIMIT "
            + limit;
    return h.createQuery(sql)
        .map(
            (rs, ctx) -> {
              Map<String, Object> rec = new LinkedHashMap<>();
              String id = rs.getString("id");
              rec.put("attributes", attributes(type, id, basePath));
              rec.put("Id", id);
              if (name.isPresent()) {
                rec.put(name.get().name(), rs.getString(name.get().column()));
              }
              return rec;
            })
        .list();
  }

  /** Ids of live records changed in {@code [start, end)} (getUpdated), oldest change first. */
  static List<String> updated(Handle h, SObjectType type, Instant start, Instant end, int limit) {
    return h.createQuery(
            "SELECT id FROM "
                + type.table()
                + " WHERE NOT is_deleted AND system_modstamp >= :s AND system_modstamp < :e"
                + " ORDER BY system_modstamp, id LIMIT "
                + limit)
        .bind("s", utc(start))
        .bind("e", utc(end))
        .mapTo(String.class)
        .list();
  }

  /** Records deleted in {@code [start, end)} (getDeleted), with their deletion instant. */
  static List<Deleted> deletedBetween(
      Handle h, SObjectType type, Instant start, Instant end, int limit) {
    return h.createQuery(
            "SELECT id, system_modstamp FROM "
                + type.table()
                + " WHERE is_deleted AND system_modstamp >= :s"
                + " AND system_modstamp < :e ORDER BY system_modstamp, id LIMIT "
                + limit)
        .bind("s", utc(start))
        .bind("e", utc(end))
        .map(
            (rs, ctx) ->
                new Deleted(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
        .list();
  }

  private static OffsetDateTime utc(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }
}
