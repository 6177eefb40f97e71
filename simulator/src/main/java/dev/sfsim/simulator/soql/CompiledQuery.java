package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectType;

import java.util.List;

/**
 * A SOQL statement translated to one PostgreSQL SELECT. Every value is a positional {@code ?} parameter and
 * every identifier comes from the catalog.
 *
 * <p>Row queries select the root id as {@code i0}, the id of each parent object shown in the result as
 * {@code iN}, and each selected field as {@code cN}; {@link #shape()} says how to nest them into Salesforce's
 * records. {@code COUNT()} queries answer one row with one column, {@code total}.
 *
 * @param sql        the SQL text, {@code ?} placeholders
 * @param parameters values to bind in order: String, Boolean, BigDecimal, LocalDate, OffsetDateTime, Long
 * @param root       the FROM object
 * @param countOnly  {@code SELECT COUNT()}: read {@code total}; {@code columns} empty, {@code shape} null
 * @param columns    the selected fields in SELECT order
 * @param shape      the record layout, null for {@code COUNT()}
 */
public record CompiledQuery(String sql, List<Object> parameters, SObjectType root, boolean countOnly,
                            List<SelectedColumn> columns, RecordShape shape) {
    public CompiledQuery {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
    }
}
