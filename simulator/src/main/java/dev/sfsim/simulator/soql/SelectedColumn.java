package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectField;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One selected field.
 *
 * @param alias the SQL column alias holding its value ({@code c0}, {@code c1}, ...)
 * @param field the catalog field (its type drives the JSON value, see {@code catalog.FieldValues})
 * @param path canonical output names from the root record, e.g. {@code [MessagingChannel,
 *     MasterLabel]}; the last is the alias of a converted value when it has one
 * @param conversion {@code TOLABEL}, {@code FORMAT} or null (see {@link ValueConversion})
 */
public record SelectedColumn(
    String alias, SObjectField field, List<String> path, @Nullable String conversion) {
  public SelectedColumn {
    path = List.copyOf(path);
  }

  public SelectedColumn(String alias, SObjectField field, List<String> path) {
    this(alias, field, path, null);
  }

  /**
   * The JSON value of the stored value {@code raw}: as the field's type gives it, or its label /
   * formatted text.
   */
  public @Nullable Object toJson(Object raw) {
    return ValueConversion.toJson(conversion, field, field.type(), raw);
  }

  /** The key of the value in its (possibly nested) record: the field's canonical name. */
  public String name() {
    return path.get(path.size() - 1);
  }
}
