package dev.sfsim.simulator.sobject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Checks the values of a record body field by field: the field exists ({@code INVALID_FIELD}), the
 * caller may write it ({@code INVALID_FIELD_FOR_INSERT_UPDATE}), the value has the field's type,
 * length and picklist value, and a lookup points at a live record of a target object.
 */
final class RecordValues {
  enum Operation {
    CREATE,
    UPDATE
  }

  private final References references;

  RecordValues(References references) {
    this.references = references;
  }

  /** The coerced values by field, in body order; {@code attributes} is ignored. */
  Map<SObjectField, Object> validate(
      Handle h, SObjectType type, Map<String, JsonNode> values, WriteMode mode, Operation op) {
    return validate(h, type, values, mode, op, null);
  }

  /** As above; a reference to a record {@code batch} inserted is not looked up again. */
  Map<SObjectField, Object> validate(
      Handle h,
      SObjectType type,
      Map<String, JsonNode> values,
      WriteMode mode,
      Operation op,
      @Nullable InsertBatch batch) {
    Map<SObjectField, Object> row = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : values.entrySet()) {
      if (e.getKey().equals("attributes")) {
        continue;
      }
      SObjectField f =
          type.field(e.getKey())
              .orElseThrow(
                  () ->
                      SalesforceException.badRequest(
                          ErrorCode.INVALID_FIELD,
                          "No such column '" + e.getKey() + "' on sobject of type " + type.name()));
      checkWritable(f, mode, op);
      Object v = FieldCoercion.coerce(f, e.getValue());
      if (f.type() == FieldType.REFERENCE && v != null) {
        references.check(h, f, (String) v, batch);
      }
      row.put(f, v);
    }
    return row;
  }

  private static void checkWritable(SObjectField f, WriteMode mode, Operation op) {
    if (f.name().equals("Id") && (mode == WriteMode.SYSTEM || op == Operation.UPDATE)) {
      return;
    }
    boolean allowed = op == Operation.CREATE ? f.createable() : f.updateable();
    if (f.name().equals("IsDeleted") || (mode == WriteMode.API && !allowed)) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_FIELD_FOR_INSERT_UPDATE,
          "Unable to create/update fields: "
              + f.name()
              + ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
          List.of(f.name()));
    }
  }
}
