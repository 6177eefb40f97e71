package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.FieldValues;
import dev.sfsim.simulator.catalog.FormattedValues;
import dev.sfsim.simulator.catalog.SObjectField;
import org.jspecify.annotations.Nullable;

/**
 * The JSON value of a selected value, converted as {@code toLabel()} ("toLabel()": the picklist
 * value's label in the user's language, en_US here) or {@code FORMAT()} ({@link FormattedValues})
 * ask; SQL reads the stored value either way. Nulls stay null.
 */
public final class ValueConversion {
  static final String TOLABEL = "TOLABEL";
  static final String FORMAT = "FORMAT";

  private ValueConversion() {}

  /**
   * @param conversion {@code TOLABEL}, {@code FORMAT} or null (none)
   * @param field the field read (its picklist labels); may be null without TOLABEL
   * @param type the type of the value read
   * @param raw what JDBC returned
   */
  public static @Nullable Object toJson(
      @Nullable String conversion, @Nullable SObjectField field, FieldType type, Object raw) {
    Object json = FieldValues.toJson(type, raw);
    if (conversion == null || json == null) {
      return json;
    }
    return conversion.equals(TOLABEL)
        ? field.picklistLabel(json.toString())
        : FormattedValues.format(type, json);
  }
}
