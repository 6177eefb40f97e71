package dev.sfsim.simulator.sobject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * Writes records of any catalog object with Salesforce's validation ("Create a Record", "Update a
 * Record", "Delete a Record", REST API Developer Guide): unknown fields,
 * non-createable/non-updateable fields, types, lengths, restricted picklists, references (prefix
 * and existence) and required fields; then defaults, per-parent sequences, auto-numbers, derived
 * names and audit fields. SQL is generated from the catalog only. Runs inside the caller's
 * transaction, so a failure writes nothing.
 */
public final class RecordRepository {
  private final RecordValues values;

  public RecordRepository(Catalog catalog) {
    this.values = new RecordValues(new References(catalog));
  }

  /**
   * Inserts one record.
   *
   * @param values field API name (any case) to JSON value; an {@code attributes} key is ignored
   * @param userId 18-character id written to CreatedById/LastModifiedById
   * @param now the simulated instant written to CreatedDate/LastModifiedDate/SystemModstamp
   * @return the new record's 18-character id
   * @throws SalesforceException 400 naming the field: {@code INVALID_FIELD}, {@code
   *     INVALID_FIELD_FOR_INSERT_UPDATE}, {@code REQUIRED_FIELD_MISSING}, {@code MALFORMED_ID},
   *     {@code FIELD_INTEGRITY_EXCEPTION}, {@code INVALID_CROSS_REFERENCE_KEY}, {@code
   *     STRING_TOO_LONG}, {@code INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST}, {@code
   *     INVALID_TYPE_ON_FIELD_IN_RECORD}
   */
  public String insert(
      Handle h,
      SObjectType type,
      Map<String, JsonNode> values,
      WriteMode mode,
      String userId,
      Instant now) {
    return insert(h, type, values, mode, userId, now, null, null);
  }

  /**
   * Where an insert's statement may go instead of running at once: a caller that sends it later in
   * the same transaction, with its other writes (one round trip fewer). Its database errors then
   * come when it is sent.
   */
  public interface DeferredInsert {
    /**
     * @param sql one {@code INSERT} with {@code :column} parameters (null values written as {@code
     *     NULL})
     * @param values the parameters' values by column name, in column order
     */
    void add(String sql, Map<String, Object> values);
  }

  /**
   * {@link #insert(Handle, SObjectType, Map, WriteMode, String, Instant)} with what its caller
   * knows (same checks, id, Name and values either way; fewer round trips).
   *
   * @param batch a fixture load's records, or null: it may hold this record's number, drawn ahead,
   *     and knows the records inserted before it
   * @param deferred where the final statement goes instead of running at once, or null; used when
   *     the type has no derived Name (the checks' reads still run at once)
   */
  public String insert(
      Handle h,
      SObjectType type,
      Map<String, JsonNode> values,
      WriteMode mode,
      String userId,
      Instant now,
      @Nullable InsertBatch batch,
      @Nullable DeferredInsert deferred) {
    Map<SObjectField, Object> row =
        this.values.validate(h, type, values, mode, RecordValues.Operation.CREATE, batch);
    applyDefaults(h, type, row);
    type.field("OwnerId")
        .filter(f -> !f.nillable() && row.get(f) == null)
        .ifPresent(f -> row.put(f, userId)); // the creator owns it
    requireFields(type, row);
    String ownId =
        row.get(idField(type)) != null ? checkOwnId(type, (String) row.get(idField(type))) : null;
    Optional<SObjectField> autoNumber =
        type.fields().stream()
            .filter(f -> f.attributes().autoNumber())
            .findFirst()
            .filter(f -> type.autoNumberFormat() != null && row.get(f) == null);
    long drawn = ownId == null && batch != null ? batch.takeId() : -1;
    long[] next = nextValues(h, type, ownId == null && drawn < 0, autoNumber.isPresent());
    String id =
        ownId != null
            ? ownId
            : SalesforceIds.generate(type.keyPrefix(), drawn >= 0 ? drawn : next[0]);
    OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
    put(type, row, "Id", id);
    put(type, row, "IsDeleted", false);
    putIfAbsent(type, row, "CreatedDate", ts);
    putIfAbsent(type, row, "CreatedById", userId);
    putIfAbsent(type, row, "LastModifiedDate", ts);
    putIfAbsent(type, row, "LastModifiedById", userId);
    putIfAbsent(type, row, "SystemModstamp", ts);
    if (autoNumber.isPresent()) {
      row.put(
          autoNumber.get(),
          AutoNumbers.format(java.util.Objects.requireNonNull(type.autoNumberFormat()), next[1]));
    }
    checkUnique(h, type, row, id);
    if (deferred != null && DerivedNames.update(type, "sfsim_derived_id") == null) {
      defer(type, row, deferred);
    } else {
      execute(h, type, row, id);
    }
    if (batch != null) {
      batch.inserted(id, type.table());
    }
    return id;
  }

  /**
   * Updates one live record ("Update a Record"); LastModifiedDate, LastModifiedById and
   * SystemModstamp move to now.
   *
   * @throws SalesforceException 404 {@code NOT_FOUND} when no live record has the id; 400 as {@link
   *     #insert} ({@code INVALID_FIELD_FOR_INSERT_UPDATE} for non-updateable fields)
   */
  public void update(
      Handle h,
      SObjectType type,
      String id,
      Map<String, JsonNode> values,
      WriteMode mode,
      String userId,
      Instant now) {
    Map<SObjectField, Object> row =
        this.values.validate(h, type, values, mode, RecordValues.Operation.UPDATE);
    row.remove(idField(type));
    List<String> cleared =
        row.entrySet().stream()
            .filter(e -> e.getValue() == null && !e.getKey().nillable())
            .map(e -> e.getKey().name())
            .toList();
    if (!cleared.isEmpty()) {
      throw SalesforceException.badRequest(
          ErrorCode.REQUIRED_FIELD_MISSING,
          "Required fields are missing: [" + String.join(", ", cleared) + "]",
          cleared);
    }
    OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
    put(type, row, "LastModifiedDate", ts);
    put(type, row, "LastModifiedById", userId);
    put(type, row, "SystemModstamp", ts);
    checkUnique(h, type, row, id);
    List<String> sets = new ArrayList<>();
    for (SObjectField f : row.keySet()) {
      sets.add(f.column() + " = :" + f.column());
    }
    Update u =
        h.createUpdate(
            "UPDATE "
                + type.table()
                + " SET "
                + String.join(", ", sets)
                + " WHERE id = :sfsim_id AND NOT is_deleted");
    for (Map.Entry<SObjectField, Object> e : row.entrySet()) {
      u.bind(e.getKey().column(), e.getValue());
    }
    if (u.bind("sfsim_id", id).execute() == 0) {
      throw SalesforceException.notFound();
    }
    DerivedNames.refresh(h, type, id);
  }

  /**
   * Moves a record to the recycle bin: {@code IsDeleted = true}, SystemModstamp (the deleted date)
   * = now.
   *
   * @throws SalesforceException 404 {@code ENTITY_IS_DELETED} "entity is deleted" when already
   *     deleted, 404 {@code NOT_FOUND} when it never existed
   */
  public void delete(Handle h, SObjectType type, String id, String userId, Instant now) {
    Optional<Boolean> deleted =
        h.createQuery("SELECT is_deleted FROM " + type.table() + " WHERE id = :id FOR UPDATE")
            .bind("id", id)
            .mapTo(Boolean.class)
            .findOne();
    if (deleted.isEmpty()) {
      throw SalesforceException.notFound();
    }
    if (deleted.get()) {
      throw new SalesforceException(
          404, ErrorCode.ENTITY_IS_DELETED, "entity is deleted", List.of());
    }
    OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
    h.createUpdate(
            "UPDATE "
                + type.table()
                + " SET is_deleted = true, last_modified_date = :ts, last_modified_by_id = :user,"
                + " system_modstamp = :ts WHERE id = :id")
        .bind("ts", ts)
        .bind("user", userId)
        .bind("id", id)
        .execute();
  }

  /**
   * A unique custom field's value held by another live record: 400 {@code DUPLICATE_VALUE}
   * "duplicate value found: <field> duplicates value on record with id: <id>" (text compared
   * without regard to case, Salesforce's default). The partial unique index on the column backs
   * this up against concurrent writes.
   */
  private static void checkUnique(
      Handle h, SObjectType type, Map<SObjectField, Object> row, String selfId) {
    for (Map.Entry<SObjectField, Object> e : row.entrySet()) {
      SObjectField f = e.getKey();
      if (!f.attributes().custom() || !f.attributes().unique() || e.getValue() == null) {
        continue;
      }
      String column = f.type().isText() ? "lower(" + f.column() + ")" : f.column();
      Object value =
          f.type().isText()
              ? e.getValue().toString().toLowerCase(java.util.Locale.ROOT)
              : e.getValue();
      Optional<String> other =
          h.createQuery(
                  "SELECT id FROM "
                      + type.table()
                      + " WHERE "
                      + column
                      + " = :v AND id <> :self"
                      + " AND NOT is_deleted LIMIT 1")
              .bind("v", value)
              .bind("self", selfId)
              .mapTo(String.class)
              .findOne();
      if (other.isPresent()) {
        throw SalesforceException.badRequest(
            ErrorCode.DUPLICATE_VALUE,
            "duplicate value found: "
                + f.name()
                + " duplicates value on record with id: "
                + other.get(),
            List.of(f.name()));
      }
    }
  }

  /**
   * The next record number ({@code sfsim_id_seq}) and auto-number ({@code <table>_name_seq}) a new
   * record takes, each only when asked for, in one round trip; {@code 0} where not asked.
   */
  private static long[] nextValues(Handle h, SObjectType type, boolean id, boolean autoNumber) {
    long[] next = new long[2];
    if (!id && !autoNumber) {
      return next;
    }
    String sql =
        "SELECT "
            + (id ? "nextval('sfsim_id_seq')" : "0")
            + ", "
            + (autoNumber ? "nextval('" + type.table() + "_name_seq')" : "0");
    h.createQuery(sql)
        .map(
            (rs, ctx) -> {
              next[0] = rs.getLong(1);
              next[1] = rs.getLong(2);
              return next;
            })
        .one();
    return next;
  }

  /**
   * Inserts the row and, for a type with a derived Name, recomputes it ({@link DerivedNames}): both
   * statements sent together, in one round trip.
   */
  private void execute(Handle h, SObjectType type, Map<SObjectField, Object> row, String id) {
    List<String> cols = new ArrayList<>();
    List<String> params = new ArrayList<>();
    for (SObjectField f : row.keySet()) {
      cols.add(f.column());
      params.add(":" + f.column());
    }
    String derivedName = DerivedNames.update(type, "sfsim_derived_id");
    Update u =
        h.createUpdate(
            "INSERT INTO "
                + type.table()
                + " ("
                + String.join(", ", cols)
                + ") VALUES ("
                + String.join(", ", params)
                + ")"
                + (derivedName == null ? "" : ";\n" + derivedName));
    for (Map.Entry<SObjectField, Object> e : row.entrySet()) {
      u.bind(e.getKey().column(), e.getValue());
    }
    if (derivedName != null) {
      u.bind("sfsim_derived_id", id);
    }
    u.execute();
  }

  /** The row's {@code INSERT} as {@link #execute} writes it, handed to {@code deferred}. */
  private static void defer(
      SObjectType type, Map<SObjectField, Object> row, DeferredInsert deferred) {
    List<String> cols = new ArrayList<>();
    List<String> params = new ArrayList<>();
    Map<String, Object> bound = new java.util.LinkedHashMap<>();
    for (Map.Entry<SObjectField, Object> e : row.entrySet()) {
      String column = e.getKey().column();
      cols.add(column);
      if (e.getValue() == null) {
        params.add("NULL"); // as Jdbi binds an untyped null; no typed parameter for the column
      } else {
        params.add(":" + column);
        bound.put(column, e.getValue());
      }
    }
    deferred.add(
        "INSERT INTO "
            + type.table()
            + " ("
            + String.join(", ", cols)
            + ") VALUES ("
            + String.join(", ", params)
            + ")",
        bound);
  }

  private static void applyDefaults(Handle h, SObjectType type, Map<SObjectField, Object> row) {
    for (SObjectField f : type.fields()) {
      if (row.get(f) != null) {
        continue;
      }
      String parentField = f.attributes().sequenceWithin();
      if (parentField != null) {
        SObjectField parent = type.field(parentField).orElseThrow();
        if (row.get(parent) != null) {
          row.put(
              f,
              h.createQuery(
                      "SELECT coalesce(max("
                          + f.column()
                          + "), 0) + 1 FROM "
                          + type.table()
                          + " WHERE "
                          + parent.column()
                          + " = :p AND NOT is_deleted")
                  .bind("p", row.get(parent))
                  .mapTo(Integer.class)
                  .one());
        }
      } else if (row.containsKey(f)) {
        continue;
      } else if (f.defaultValue() != null) {
        row.put(f, FieldCoercion.coerce(f, TextNode.valueOf(f.defaultValue())));
      } else if (f.type() == FieldType.BOOLEAN) {
        row.put(f, false);
      }
    }
  }

  private static void requireFields(SObjectType type, Map<SObjectField, Object> row) {
    List<String> missing =
        type.fields().stream()
            .filter(
                f ->
                    !f.nillable()
                        && f.createable()
                        && row.get(f) == null
                        && f.attributes().sequenceWithin() == null)
            .map(SObjectField::name)
            .toList();
    if (!missing.isEmpty()) {
      throw SalesforceException.badRequest(
          ErrorCode.REQUIRED_FIELD_MISSING,
          "Required fields are missing: [" + String.join(", ", missing) + "]",
          missing);
    }
  }

  private static String checkOwnId(SObjectType type, @Nullable String id) {
    if (id == null || !SalesforceIds.keyPrefix(id).equals(type.keyPrefix())) {
      throw SalesforceException.badRequest(
          ErrorCode.MALFORMED_ID,
          type.field("Id").orElseThrow().label() + ": id value of incorrect type: " + id,
          List.of("Id"));
    }
    return id;
  }

  private static SObjectField idField(SObjectType type) {
    return type.field("Id").orElseThrow();
  }

  private static void put(
      SObjectType type, Map<SObjectField, Object> row, String field, Object value) {
    row.put(type.field(field).orElseThrow(), value);
  }

  private static void putIfAbsent(
      SObjectType type, Map<SObjectField, Object> row, String field, Object value) {
    SObjectField f = type.field(field).orElseThrow();
    if (row.get(f) == null) {
      row.put(f, value);
    }
  }
}
