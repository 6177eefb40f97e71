package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.NameObject;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.soql.ResolvedQuery.Expr;
import dev.sfsim.simulator.soql.ResolvedQuery.ResolvedCondition;
import dev.sfsim.simulator.soql.ast.ComparisonOperator;
import dev.sfsim.simulator.soql.ast.Literal;
import dev.sfsim.simulator.soql.ast.Position;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code toLabel(field)} in WHERE ("toLabel()", SOQL and SOSL Reference): the comparison is made
 * against the picklist labels in the user's language, and against the values where no label
 * matches. Resolved here into a filter on the stored values (every value bound): {@code
 * toLabel(RequestStatus) = 'In Progress'} becomes {@code RequestStatus IN ('InProgress')}; LIKE
 * matches labels too. Ordering comparisons (&lt;, &gt;) are not emulated.
 */
final class LabelFilter {
  private final ValueCoercion coercion;

  LabelFilter(ValueCoercion coercion) {
    this.coercion = coercion;
  }

  ResolvedCondition compare(Expr e, ComparisonOperator op, Literal value, Position at) {
    Expr stored = Expr.of(e.field());
    SObjectField field = e.field().field();
    return switch (op) {
      case EQ, NE ->
          new ResolvedQuery.In(
              stored, op == ComparisonOperator.NE, values(field, value, at), false);
      case LIKE -> {
        String pattern = (String) coercion.coerce(field, op, value, at);
        Pattern regex = regex(pattern);
        List<Object> matches = matching(field, label -> regex.matcher(label).matches());
        if (matches.isEmpty() && NameObject.isTypeField(field)) {
          yield new ResolvedQuery.In(stored, false, List.of(""), false);
        }
        yield matches.isEmpty()
            ? new ResolvedQuery.Compare(stored, op, pattern)
            : new ResolvedQuery.In(stored, false, List.copyOf(matches), false);
      }
      default ->
          throw SoqlErrors.notSupported(
              (NameObject.isTypeField(field)
                      ? "the Type of a polymorphic relationship"
                      : "toLabel()")
                  + " compared with "
                  + op.symbol());
    };
  }

  /** The stored values an IN list of labels stands for; {@code null} entries are the caller's. */
  List<Object> values(SObjectField field, List<Literal> literals, Position at) {
    Set<Object> values = new LinkedHashSet<>();
    for (Literal l : literals) {
      if (!(l instanceof Literal.Null)) {
        values.addAll(values(field, l, at));
      }
    }
    return new ArrayList<>(values);
  }

  /** Values whose label equals the text (ignoring case), else the text itself as a value. */
  private List<Object> values(SObjectField field, Literal value, Position at) {
    String text = (String) coercion.coerce(field, ComparisonOperator.EQ, value, at);
    List<Object> matches = matching(field, label -> label.equalsIgnoreCase(text));
    // A polymorphic Type's values are key prefixes: a name that is no target matches nothing ('' is
    // no prefix).
    if (matches.isEmpty()) {
      return List.of(NameObject.isTypeField(field) ? "" : text);
    }
    return List.copyOf(matches);
  }

  private static List<Object> matching(SObjectField field, Predicate<String> label) {
    return field.picklistValues().stream()
        .filter(v -> label.test(field.picklistLabel(v)))
        .map(v -> (Object) v)
        .toList();
  }

  /** A PostgreSQL LIKE pattern (backslash escapes) as a case-insensitive regular expression. */
  private static Pattern regex(String like) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        sb.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        sb.append(".*");
      } else if (c == '_') {
        sb.append('.');
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(
        sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }
}
