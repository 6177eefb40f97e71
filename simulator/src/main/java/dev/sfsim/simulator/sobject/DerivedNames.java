package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The read-only {@code Name} of person objects (Contact, Lead, User) is {@code FirstName LastName},
 * as Salesforce composes it; recomputed after every write of an object that has all three fields.
 */
final class DerivedNames {
  private DerivedNames() {}

  static void refresh(Handle h, SObjectType type, String id) {
    String sql = update(type, "id");
    if (sql != null) {
      h.createUpdate(sql).bind("id", id).execute();
    }
  }

  /**
   * The statement that recomputes a record's Name, the record's id bound as {@code :<idParameter>};
   * null when {@code type} has no derived Name.
   */
  static @Nullable String update(SObjectType type, String idParameter) {
    var name = type.field("Name");
    var first = type.field("FirstName");
    var last = type.field("LastName");
    if (name.isEmpty() || first.isEmpty() || last.isEmpty() || name.get().createable()) {
      return null;
    }
    return "UPDATE "
        + type.table()
        + " SET "
        + col(name.get())
        + " = nullif(trim(coalesce("
        + col(first.get())
        + ", '') || ' ' || coalesce("
        + col(last.get())
        + ", '')), '') WHERE id = :"
        + idParameter;
  }

  private static String col(SObjectField f) {
    return f.column();
  }
}
