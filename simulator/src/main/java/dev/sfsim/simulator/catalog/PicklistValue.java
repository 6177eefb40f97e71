package dev.sfsim.simulator.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A picklist value that code reads or writes, as an enum constant carrying its API spelling. The
 * catalog builds the picklist's value list from the enum ({@link #values(PicklistValue[])}), so
 * describe, validation and the code that sets the value share one spelling.
 */
public interface PicklistValue {
  /** The API value, e.g. {@code InProgress}. */
  String value();

  /** The API values of the given constants, in declaration order. */
  static String[] values(PicklistValue[] constants) {
    return Arrays.stream(constants).map(PicklistValue::value).toArray(String[]::new);
  }

  /** The API values of the given constants. */
  static List<String> valueList(PicklistValue... constants) {
    return Arrays.stream(constants).map(PicklistValue::value).toList();
  }

  /** The constant with that API value (exact match), if any. */
  static <E extends PicklistValue> Optional<E> find(E[] constants, @Nullable String value) {
    for (E e : constants) {
      if (e.value().equals(value)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
