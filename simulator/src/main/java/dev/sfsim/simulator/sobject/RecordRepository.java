package dev.sfsim.simulator.sobject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.error.SalesforceException;
import dev.sfsim.simulator.ids.SalesforceIds;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts records of any catalog object with Salesforce's create-time validation ("Create a Record", REST API
 * Developer Guide): unknown fields, non-createable fields, types, lengths, restricted picklists, references
 * (prefix and existence) and required fields; then defaults, auto-number names and audit fields. SQL is
 * generated from the catalog only. Runs inside the caller's transaction, so a failure writes nothing.
 */
public final class RecordRepository {
    private final Catalog catalog;
    private final References references;

    public RecordRepository(Catalog catalog) {
        this.catalog = catalog;
        this.references = new References(catalog);
    }

    /**
     * Inserts one record.
     *
     * @param values field API name (any case) to JSON value; an {@code attributes} key is ignored
     * @param userId 18-character id written to CreatedById/LastModifiedById
     * @param now    the simulated instant written to CreatedDate/LastModifiedDate/SystemModstamp
     * @return the new record's 18-character id
     * @throws SalesforceException 400 naming the field: {@code INVALID_FIELD}, {@code INVALID_FIELD_FOR_INSERT_UPDATE},
     *                             {@code REQUIRED_FIELD_MISSING}, {@code MALFORMED_ID}, {@code FIELD_INTEGRITY_EXCEPTION},
     *                             {@code INVALID_CROSS_REFERENCE_KEY}, {@code STRING_TOO_LONG},
     *                             {@code INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST}, {@code INVALID_TYPE_ON_FIELD_IN_RECORD}
     */
    public String insert(Handle h, SObjectType type, Map<String, JsonNode> values, WriteMode mode, String userId, Instant now) {
        Map<SObjectField, Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            if (e.getKey().equals("attributes")) continue;
            SObjectField f = type.field(e.getKey()).orElseThrow(() -> SalesforceException.badRequest("INVALID_FIELD",
                    "No such column '" + e.getKey() + "' on sobject of type " + type.name()));
            checkWritable(type, f, mode);
            Object v = FieldCoercion.coerce(f, e.getValue());
            if (f.type() == FieldType.REFERENCE && v != null) references.check(h, f, (String) v);
            row.put(f, v);
        }
        applyDefaults(type, row);
        requireFields(type, row);
        String id = row.containsKey(idField(type)) && row.get(idField(type)) != null
                ? checkOwnId(type, (String) row.get(idField(type)))
                : SalesforceIds.generate(type.keyPrefix(), h.createQuery("SELECT nextval('sfsim_id_seq')").mapTo(Long.class).one());
        OffsetDateTime ts = now.atOffset(ZoneOffset.UTC);
        put(type, row, "Id", id);
        put(type, row, "IsDeleted", false);
        putIfAbsent(type, row, "CreatedDate", ts);
        putIfAbsent(type, row, "CreatedById", userId);
        putIfAbsent(type, row, "LastModifiedDate", ts);
        putIfAbsent(type, row, "LastModifiedById", userId);
        putIfAbsent(type, row, "SystemModstamp", ts);
        if (type.autoNumberFormat() != null && row.get(type.field("Name").orElseThrow()) == null) {
            long n = h.createQuery("SELECT nextval('" + type.table() + "_name_seq')").mapTo(Long.class).one();
            put(type, row, "Name", AutoNumbers.format(type.autoNumberFormat(), n));
        }
        execute(h, type, row);
        return id;
    }

    private void execute(Handle h, SObjectType type, Map<SObjectField, Object> row) {
        List<String> cols = new ArrayList<>();
        List<String> params = new ArrayList<>();
        for (SObjectField f : row.keySet()) {
            cols.add(f.column());
            params.add(":" + f.column());
        }
        Update u = h.createUpdate("INSERT INTO " + type.table() + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", params) + ")");
        for (Map.Entry<SObjectField, Object> e : row.entrySet()) u.bind(e.getKey().column(), e.getValue());
        u.execute();
    }

    private static void checkWritable(SObjectType type, SObjectField f, WriteMode mode) {
        boolean system = f.name().equals("IsDeleted") || (mode == WriteMode.API && !f.createable());
        if (system && !(mode == WriteMode.SYSTEM && f.name().equals("Id"))) {
            throw SalesforceException.badRequest("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + f.name()
                    + ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
                    List.of(f.name()));
        }
    }

    private static void applyDefaults(SObjectType type, Map<SObjectField, Object> row) {
        for (SObjectField f : type.fields()) {
            if (row.containsKey(f)) continue;
            if (f.defaultValue() != null) row.put(f, FieldCoercion.coerce(f, TextNode.valueOf(f.defaultValue())));
            else if (f.type() == FieldType.BOOLEAN) row.put(f, false);
        }
    }

    private static void requireFields(SObjectType type, Map<SObjectField, Object> row) {
        List<String> missing = type.fields().stream()
                .filter(f -> !f.nillable() && f.createable() && row.get(f) == null)
                .map(SObjectField::name).toList();
        if (!missing.isEmpty()) {
            throw SalesforceException.badRequest("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: [" + String.join(", ", missing) + "]", missing);
        }
    }

    private static String checkOwnId(SObjectType type, String id) {
        if (!SalesforceIds.keyPrefix(id).equals(type.keyPrefix())) {
            throw SalesforceException.badRequest("MALFORMED_ID",
                    type.field("Id").orElseThrow().label() + ": id value of incorrect type: " + id, List.of("Id"));
        }
        return id;
    }

    private static SObjectField idField(SObjectType type) {
        return type.field("Id").orElseThrow();
    }

    private static void put(SObjectType type, Map<SObjectField, Object> row, String field, Object value) {
        row.put(type.field(field).orElseThrow(), value);
    }

    private static void putIfAbsent(SObjectType type, Map<SObjectField, Object> row, String field, Object value) {
        SObjectField f = type.field(field).orElseThrow();
        if (row.get(f) == null) row.put(f, value);
    }
}
