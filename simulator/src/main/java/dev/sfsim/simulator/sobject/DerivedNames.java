package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import org.jdbi.v3.core.Handle;

/**
 * The read-only {@code Name} of person objects (Contact, Lead, User) is {@code FirstName LastName},
 * as Salesforce composes it; recomputed after every write of an object that has all three fields.
 */
final class DerivedNames {
  private DerivedNames() {}

  static void refresh(Handle h, SObjectType type, String id) {
    var name = type.field("Name");
    var first = type.field("FirstName");
    var last = type.field("LastName");
    if (name.isEmpty() || first.isEmpty() || last.isEmpty() || name.get().createable()) {
      return;
    }
    h.createUpdate(
            "UPDATE "
                + type.table()
                + " SET "
                + col(name.get())
                + " = nullif(trim(coalesce("
                + col(first.get())
                + ", '') || ' ' || coalesce("
                + col(last.get())
                + ", '')), '') WHERE id = :id")
        .bind("id", id)
        .execute();
  }

  private static String col(SObjectField f) {
    return f.column();
  }
}
