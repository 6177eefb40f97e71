package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.FieldType;

/**
 * One column of an {@code AggregateResult} record (wire format §3.5).
 *
 * @param alias     the SQL column alias ({@code a0}, {@code a1}, ...)
 * @param name      the output key: the grouped field's name, the query's alias, or {@code expr0}, {@code expr1}, ...
 * @param type      the value's type (COUNT: int; SUM/AVG: double; MIN/MAX: the field's)
 * @param function  the SOQL function, or null for a grouped field
 * @param display   the value as written with canonical names, {@code COUNT(Id)} or {@code RequestStatus}
 */
public record AggregateColumn(String alias, String name, FieldType type, String function, String display) {
}
