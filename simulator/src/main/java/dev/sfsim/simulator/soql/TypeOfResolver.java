package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.NameObject;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.soql.ResolvedQuery.Hop;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedField;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.TypeOf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a {@code TYPEOF} ("TYPEOF", SOQL and SOSL Reference; available from API 46.0): its field
 * must be a polymorphic relationship, each WHEN names one of the objects it references (once) and
 * lists fields or paths of that object, ELSE lists fields of the Name object. Error texts
 * Salesforce's documentation does not give are inferred (marked so in {@code errors.txt}).
 */
final class TypeOfResolver {
  /** "TYPEOF is available in API version 46.0 and later." */
  static final double SINCE = 46.0;

  private final SoqlSource src;
  private final FieldResolver fields;
  private final SObjectType root;
  private final double apiVersion;

  TypeOfResolver(SoqlSource src, FieldResolver fields, SObjectType root, double apiVersion) {
    this.src = src;
    this.fields = fields;
    this.root = root;
    this.apiVersion = apiVersion;
  }

  ResolvedQuery.TypeOfSelect resolve(TypeOf t, int position) {
    if (apiVersion < SINCE) {
      throw SalesforceException.badRequest(
          SoqlErrors.MALFORMED_QUERY,
          "SOQL TYPEOF expressions are not supported in this organization");
    }
    FieldPath path = t.relationship();
    List<Hop> hops = fields.hops(root, fields.segments(path), path);
    Hop last = hops.get(hops.size() - 1);
    if (!last.polymorphic()) {
      throw SoqlErrors.malformed(
          src,
          path.position(),
          "TYPEOF is only allowed on polymorphic relationship fields: " + path.text());
    }
    List<Hop> parents = hops.subList(0, hops.size() - 1);
    Map<String, List<ResolvedField>> branches = new LinkedHashMap<>();
    for (TypeOf.When when : t.whens()) {
      String type =
          last.reference().referenceTo().stream()
              .filter(r -> r.equalsIgnoreCase(when.type().text()))
              .findFirst()
              .orElseThrow(
                  () ->
                      src.error(
                          when.type().position(),
                          SoqlErrors.INVALID_TYPE,
                          "'"
                              + when.type().text()
                              + "' is not a valid type for "
                              + last.reference().relationshipName()));
      if (branches.containsKey(type)) {
        throw SoqlErrors.malformed(
            src, when.type().position(), "duplicate type in TYPEOF: " + type);
      }
      SObjectType object =
          last.candidates().stream()
              .filter(c -> c.name().equals(type))
              .findFirst()
              .orElseThrow(
                  () ->
                      SoqlErrors.notSupported(
                          "TYPEOF WHEN " + type + " (not an object of the simulated org)"));
      List<Hop> prefix = new ArrayList<>(parents);
      prefix.add(new Hop(last.reference(), object));
      branches.put(type, resolveAll(object, prefix, when.fields()));
    }
    List<ResolvedField> otherwise =
        t.otherwise().isEmpty() ? null : resolveAll(NameObject.type(), hops, t.otherwise());
    return new ResolvedQuery.TypeOfSelect(hops, branches, otherwise, position);
  }

  private List<ResolvedField> resolveAll(
      SObjectType start, List<Hop> prefix, List<FieldPath> paths) {
    List<ResolvedField> resolved = new ArrayList<>();
    for (FieldPath p : paths) {
      ResolvedField f = fields.resolve(start, prefix, p.segments(), p);
      if (resolved.stream().anyMatch(r -> r.key().equals(f.key()))) {
        throw src.error(
            p.position(), SoqlErrors.INVALID_FIELD, "duplicate field selected: " + p.text());
      }
      resolved.add(f);
    }
    return resolved;
  }
}
