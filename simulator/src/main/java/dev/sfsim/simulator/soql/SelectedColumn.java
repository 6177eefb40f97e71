package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectField;

import java.util.List;

/**
 * One selected field.
 *
 * @param alias the SQL column alias holding its value ({@code c0}, {@code c1}, ...)
 * @param field the catalog field (its type drives the JSON value, see {@code catalog.FieldValues})
 * @param path  canonical output names from the root record, e.g. {@code [MessagingChannel, MasterLabel]}
 */
public record SelectedColumn(String alias, SObjectField field, List<String> path) {
    public SelectedColumn {
        path = List.copyOf(path);
    }

    /** The key of the value in its (possibly nested) record: the field's canonical name. */
    public String name() {
        return path.get(path.size() - 1);
    }
}
