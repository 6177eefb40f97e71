package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Lookup checks on write: an id of the wrong object is {@code FIELD_INTEGRITY_EXCEPTION}, a
 * well-formed id with no live record is {@code INVALID_CROSS_REFERENCE_KEY} ("Status Codes and
 * Error Responses", REST API Developer Guide). Targets outside the catalog (Account, Contact, Lead,
 * Case, ...) are checked by key prefix only.
 */
final class References {
  /**
   * Key prefixes of standard objects that references may point at but that the catalog does not
   * hold (yet).
   */
  private static final Map<String, String> OUTSIDE_CATALOG =
      Map.of(
          "Account",
          "001",
          "Contact",
          "003",
          "Lead",
          "00Q",
          "Case",
          "500",
          "Group",
          "00G",
          "BotDefinition",
          "0Xx",
          "LiveChatVisitor",
          "571");

  private final Catalog catalog;

  References(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * @param batch the fixture load this write belongs to, or null: a record it inserted into the
   *     target's table is known to be live
   */
  void check(Handle h, SObjectField f, String id, @Nullable InsertBatch batch) {
    String prefix = SalesforceIds.keyPrefix(id);
    for (String target : f.referenceTo()) {
      Optional<SObjectType> t = catalog.find(target);
      if (t.isPresent() && t.get().keyPrefix().equals(prefix)) {
        boolean exists =
            (batch != null && batch.insertedInto(id, t.get().table()))
                || h.createQuery(
                            "SELECT count(*) FROM "
                                + t.get().table()
                                + " WHERE id = :id AND NOT is_deleted")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one()
                    > 0;
        if (!exists) {
          throw SalesforceException.badRequest(
              ErrorCode.INVALID_CROSS_REFERENCE_KEY,
              f.label() + ": invalid cross reference id",
              List.of(f.name()));
        }
        return;
      }
      if (t.isEmpty() && prefix.equals(OUTSIDE_CATALOG.get(target))) {
        return;
      }
    }
    throw SalesforceException.badRequest(
        ErrorCode.FIELD_INTEGRITY_EXCEPTION,
        f.label() + ": id value of incorrect type: " + id,
        List.of(f.name()));
  }
}
