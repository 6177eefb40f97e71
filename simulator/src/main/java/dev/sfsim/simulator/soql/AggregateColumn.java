package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import org.jspecify.annotations.Nullable;

/**
 * One column of an {@code AggregateResult} record ("Aggregate Functions", SOQL and SOSL Reference).
 *
 * @param alias the SQL column alias ({@code a0}, {@code a1}, ...)
 * @param name the output key: the grouped field's name, the query's alias, or {@code expr0}, {@code
 *     expr1}, ...
 * @param type the value's type (COUNT: int; SUM/AVG: double; MIN/MAX: the field's)
 * @param function the SOQL function, or null for a grouped field
 * @param display the value as written with canonical names, {@code COUNT(Id)} or {@code
 *     RequestStatus}
 * @param conversion {@code TOLABEL}, {@code FORMAT} or null
 * @param source the field the value comes from (picklist labels), null for {@code COUNT()}
 */
public record AggregateColumn(
    String alias,
    String name,
    FieldType type,
    @Nullable String function,
    String display,
    @Nullable String conversion,
    @Nullable SObjectField source) {
  public AggregateColumn(
      String alias, String name, FieldType type, String function, String display) {
    this(alias, name, type, function, display, null, null);
  }

  /**
   * The JSON value of the selected value {@code raw}, converted by {@code toLabel()}/{@code
   * format()} if asked.
   */
  public @Nullable Object toJson(Object raw) {
    return ValueConversion.toJson(conversion, source, type, raw);
  }
}
