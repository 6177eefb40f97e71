package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.SObjectType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A SOQL statement translated to one PostgreSQL SELECT. Every value is a positional {@code ?}
 * parameter and every identifier comes from the catalog.
 *
 * <p>Row queries select the root id as {@code i0}, the id of each parent object shown in the result
 * as {@code iN}, and each selected field as {@code cN}; {@link #shape()} says how to nest them into
 * Salesforce's records. Aggregate queries select {@code aN} per {@link AggregateColumn}. {@code
 * COUNT()} queries answer one row with one column, {@code total}.
 *
 * @param sql the SQL text, {@code ?} placeholders
 * @param pageSql row queries: the same with two more placeholders at the end, the page's LIMIT and
 *     OFFSET (applied after the query's own); null otherwise
 * @param parameters values to bind in order: String, Boolean, BigDecimal, LocalDate,
 *     OffsetDateTime, Long, or a {@link DateBound} resolved by {@link #parameters(Instant)}
 * @param root the FROM object
 * @param countOnly {@code SELECT COUNT()}: read {@code total}; {@code columns} empty, {@code shape}
 *     null
 * @param columns the selected fields in SELECT order (row queries)
 * @param shape the record layout, null for {@code COUNT()} and aggregate queries
 * @param aggregates the AggregateResult columns; empty unless this is an aggregate query
 * @param children child relationship sub-selects, run per page (see {@link RecordShape.Children})
 */
public record CompiledQuery(
    String sql,
    @Nullable String pageSql,
    List<Object> parameters,
    SObjectType root,
    boolean countOnly,
    List<SelectedColumn> columns,
    @Nullable RecordShape shape,
    List<AggregateColumn> aggregates,
    List<ChildSql> children) {
  public CompiledQuery {
    children = List.copyOf(children);
    parameters = List.copyOf(parameters);
    columns = List.copyOf(columns);
    aggregates = List.copyOf(aggregates);
  }

  /** Whether rows are AggregateResults (GROUP BY or aggregate functions). */
  public boolean aggregate() {
    return !aggregates.isEmpty();
  }

  /** The values to bind, relative date literals evaluated at simulated instant {@code now}. */
  public List<Object> parameters(Instant now) {
    return bind(parameters, now);
  }

  /** {@code parameters} with relative date literals evaluated at {@code now}. */
  public static List<Object> bind(List<Object> parameters, Instant now) {
    List<Object> values = new ArrayList<>(parameters.size());
    for (Object p : parameters) {
      values.add(p instanceof DateBound b ? b.value(now) : p);
    }
    return values;
  }
}
