package dev.sfsim.simulator.query;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.soql.AggregateColumn;
import dev.sfsim.simulator.soql.CompiledQuery;
import dev.sfsim.simulator.soql.SoqlCompiler;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * Runs SOQL for {@code GET /query}, {@code /queryAll} and their {@code /{locator}} pages ("Query",
 * "QueryAll", REST API Developer Guide) and shapes the answer as Salesforce does: {@code
 * {"totalSize":N,"done":…,["nextRecordsUrl":…,]"records":[…]}}; {@code SELECT COUNT()} answers
 * {@code {"totalSize":N,"done":true,"records":[]}}; aggregate rows are {@code AggregateResult}s.
 *
 * <p>Row queries come in batches ({@link #DEFAULT_BATCH_SIZE}, or the {@code batchSize} asked for,
 * 200-2,000); when rows remain, a cursor is stored in PostgreSQL and {@code nextRecordsUrl} is
 * {@code /services/data/vNN.N/query/01g…-2000}. A page re-runs the statement (ORDER BY ends with
 * the id, so the order is stable) with relative date literals evaluated at the instant of the first
 * page. Aggregate queries answer in one page.
 */
public final class QueryService {
  /** "Changing the Batch Size in Queries": default 2,000, at least 200, at most 2,000. */
  public static final int DEFAULT_BATCH_SIZE = 2000;

  public static final int MIN_BATCH_SIZE = 200;
  private static final Pattern LOCATOR = Pattern.compile("(01g[0-9A-Za-z]{15})-(\\d{1,9})");

  private final Jdbi jdbi;
  private final @Nullable DataSource connections;
  private final SoqlCompiler compiler;
  private final SimClock clock;

  public QueryService(Jdbi jdbi, Catalog catalog) {
    this(jdbi, new SoqlCompiler(catalog), new SimClock());
  }

  public QueryService(Jdbi jdbi, SoqlCompiler compiler, SimClock clock) {
    this(jdbi, null, compiler, clock);
  }

  /**
   * @param connections the connections {@code jdbi}'s handles use (same pool, same schema): a first
   *     page read outside any open handle takes one straight from it, without a Jdbi handle (null:
   *     always through a handle)
   */
  public QueryService(
      Jdbi jdbi, @Nullable DataSource connections, SoqlCompiler compiler, SimClock clock) {
    this.jdbi = jdbi;
    this.connections = connections;
    this.compiler = compiler;
    this.clock = clock;
  }

  /** {@link #query(String, ApiVersion, boolean, int)} with the default batch size. */
  public Map<String, Object> query(@Nullable String soql, ApiVersion version, boolean queryAll) {
    return query(soql, version, queryAll, DEFAULT_BATCH_SIZE);
  }

  /**
   * Executes a SOQL statement and answers its first page.
   *
   * @param soql the decoded {@code q} parameter (null: {@code MALFORMED_QUERY} "A query string has
   *     to be specified")
   * @param version the request's API version: decides which objects/fields exist and the record
   *     urls
   * @param queryAll true for {@code /queryAll}: rows with {@code IsDeleted = true} are included
   * @param batchSize rows per page, clamped to 200-2,000
   * @return {@code totalSize}, {@code done}, {@code nextRecordsUrl} (while rows remain), {@code
   *     records}, in that order
   * @throws SalesforceException 400 for invalid SOQL, 501 for SOQL not emulated
   */
  public Map<String, Object> query(
      @Nullable String soql, ApiVersion version, boolean queryAll, int batchSize) {
    CompiledQuery compiled = compiler.compile(soql, version.value(), queryAll);
    int batch = Math.max(MIN_BATCH_SIZE, Math.min(DEFAULT_BATCH_SIZE, batchSize));
    Instant now = clock.now();
    List<Object> parameters = compiled.parameters(now);
    @Nullable List<Map<String, Object>> direct = null;
    if (!compiled.countOnly()
        && !compiled.aggregate()
        && compiled.children().isEmpty()
        && DirectPage.binds(parameters)) {
      direct = firstPage(compiled, parameters, version, batch + 1);
      if (direct.size() <= batch) {
        return result(direct.size(), null, direct);
      }
    }
    @Nullable List<Map<String, Object>> firstPage = direct;
    return jdbi.withHandle(
        handle -> {
          if (compiled.countOnly()) {
            return result(count(handle, compiled.sql(), parameters), null, List.of());
          }
          if (compiled.aggregate()) {
            List<Map<String, Object>> rows = aggregates(handle, compiled, parameters);
            return result(rows.size(), null, rows);
          }
          List<Map<String, Object>> page =
              firstPage != null
                  ? firstPage
                  : page(handle, compiled, parameters, version, 0, batch + 1, now);
          if (page.size() <= batch) {
            return result(page.size(), null, page);
          }
          long total = count(handle, "SELECT count(*) FROM (" + compiled.sql() + ") q", parameters);
          String cursor =
              QueryCursorRepository.create(
                  handle, soql, version.value(), queryAll, batch, total, now);
          return result(
              total, version.basePath() + "/query/" + cursor + "-" + batch, page.subList(0, batch));
        });
  }

  /**
   * Answers the page a locator names ({@code GET /query/01g…-2000}, also under {@code /queryAll}).
   *
   * @param locator the last path segment of a {@code nextRecordsUrl}
   * @param version the request's version (record urls and the next locator use it)
   * @throws SalesforceException 400 {@code INVALID_QUERY_LOCATOR} for an unknown, malformed or
   *     expired locator
   */
  public Map<String, Object> next(String locator, ApiVersion version) {
    var m = LOCATOR.matcher(locator == null ? "" : locator);
    if (!m.matches()) {
      throw invalidLocator();
    }
    long offset = Long.parseLong(m.group(2));
    Instant now = clock.now();
    return jdbi.withHandle(
        handle -> {
          var cursor =
              QueryCursorRepository.use(handle, m.group(1), now)
                  .orElseThrow(QueryService::invalidLocator);
          if (offset > cursor.totalSize()) {
            throw invalidLocator();
          }
          CompiledQuery compiled =
              compiler.compile(cursor.soql(), cursor.apiVersion(), cursor.queryAll());
          List<Map<String, Object>> page =
              page(
                  handle,
                  compiled,
                  compiled.parameters(cursor.clockAt()),
                  version,
                  offset,
                  cursor.batchSize(),
                  cursor.clockAt());
          long nextOffset = offset + page.size();
          String next =
              nextOffset < cursor.totalSize() && !page.isEmpty()
                  ? version.basePath() + "/query/" + cursor.id() + "-" + nextOffset
                  : null;
          return result(cursor.totalSize(), next, page);
        });
  }

  /**
   * The first {@code limit} rows of a row query without child sub-selects, over plain JDBC ({@link
   * DirectPage}) on the Jdbi handle's connection: inside a composite request that is the
   * transaction's own handle, so the query sees the records earlier subrequests wrote (a separate
   * pooled connection would not). Outside a handle (a plain {@code GET /query}) the connection
   * comes straight from the pool: opening and closing a Jdbi handle cost more CPU than the query's
   * statement in the driver.
   */
  private List<Map<String, Object>> firstPage(
      CompiledQuery compiled, List<Object> parameters, ApiVersion version, int limit) {
    RecordMapper mapper = new RecordMapper(compiled.shape(), version.basePath());
    // row queries (the only ones that come here) always have their page SQL
    String pageSql = java.util.Objects.requireNonNull(compiled.pageSql(), "pageSql");
    if (connections != null && jdbi.getHandleScope().get() == null) {
      try (Connection connection = connections.getConnection()) {
        return DirectPage.read(connection, pageSql, parameters, limit, 0, mapper);
      } catch (SQLException e) {
        throw new DirectPage.QueryFailure(e);
      }
    }
    return jdbi.withHandle(
        handle -> DirectPage.read(handle.getConnection(), pageSql, parameters, limit, 0, mapper));
  }

  private static SalesforceException invalidLocator() {
    return SalesforceException.badRequest(ErrorCode.INVALID_QUERY_LOCATOR, "invalid query locator");
  }

  private static long count(Handle handle, String sql, List<Object> parameters) {
    return bind(handle.createQuery(sql), parameters).mapTo(Long.class).one();
  }

  private static List<Map<String, Object>> page(
      Handle handle,
      CompiledQuery compiled,
      List<Object> parameters,
      ApiVersion version,
      long offset,
      int limit,
      Instant now) {
    RecordMapper mapper = new RecordMapper(compiled.shape(), version.basePath());
    List<Object> all = new ArrayList<>(parameters);
    all.add(limit);
    all.add(offset);
    List<String> ids = new ArrayList<>();
    List<Map<String, Object>> records =
        bind(handle.createQuery(compiled.pageSql()), all)
            .map(
                (rs, ctx) -> {
                  ids.add(rs.getString("i0"));
                  return mapper.map(rs);
                })
            .list();
    if (!compiled.children().isEmpty()) {
      // The extra row read to detect "more pages" must not count; children are looked up for the
      // page only.
      int size = Math.min(records.size(), limit);
      ChildRecords.fill(
          handle,
          compiled,
          ids.subList(0, size),
          records.subList(0, size),
          now,
          version.basePath());
    }
    return records;
  }

  /** AggregateResult rows: {@code attributes.type} only, then the columns under their names. */
  private static List<Map<String, Object>> aggregates(
      Handle handle, CompiledQuery compiled, List<Object> parameters) {
    return bind(handle.createQuery(compiled.sql()), parameters)
        .map(
            (rs, ctx) -> {
              Map<String, Object> record = new LinkedHashMap<>();
              record.put("attributes", Map.of("type", "AggregateResult"));
              for (AggregateColumn c : compiled.aggregates()) {
                record.put(c.name(), c.toJson(rs.getObject(c.alias())));
              }
              return record;
            })
        .list();
  }

  private static Query bind(Query query, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      query.bind(i, parameters.get(i));
    }
    return query;
  }

  private static Map<String, Object> result(
      long totalSize, @Nullable String nextRecordsUrl, List<Map<String, Object>> records) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("totalSize", totalSize);
    result.put("done", nextRecordsUrl == null);
    if (nextRecordsUrl != null) {
      result.put("nextRecordsUrl", nextRecordsUrl);
    }
    result.put("records", records);
    return result;
  }
}
