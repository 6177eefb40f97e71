package dev.sfsim.simulator.query;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.http.ApiVersion;
import dev.sfsim.simulator.soql.CompiledQuery;
import dev.sfsim.simulator.soql.SoqlCompiler;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs SOQL for {@code GET /query} and {@code /queryAll} ("Query" and "QueryAll", REST API Developer Guide)
 * and shapes the answer as Salesforce does (wire format notes §3.2):
 * {@code {"totalSize":N,"done":true,"records":[{"attributes":{"type":…,"url":…},<fields>…}]}}, and for
 * {@code SELECT COUNT()} {@code {"totalSize":N,"done":true,"records":[]}}.
 *
 * <p>All rows up to the query's LIMIT come in one answer ({@code done: true}); query cursors
 * ({@code nextRecordsUrl}, batches of 2,000) are not emulated yet.
 */
public final class QueryService {
    private final Jdbi jdbi;
    private final SoqlCompiler compiler;

    public QueryService(Jdbi jdbi, Catalog catalog) {
        this(jdbi, new SoqlCompiler(catalog));
    }

    public QueryService(Jdbi jdbi, SoqlCompiler compiler) {
        this.jdbi = jdbi;
        this.compiler = compiler;
    }

    /**
     * Executes a SOQL statement.
     *
     * @param soql     the decoded {@code q} parameter (null: {@code MALFORMED_QUERY} "A query string has to be specified")
     * @param version  the request's API version: decides which objects/fields exist and the record urls
     * @param queryAll true for {@code /queryAll}: rows with {@code IsDeleted = true} are included
     * @return {@code totalSize}, {@code done}, {@code records} in that key order (a LinkedHashMap)
     * @throws dev.sfsim.simulator.error.SalesforceException 400 for invalid SOQL, 501 for SOQL not emulated
     */
    public Map<String, Object> query(String soql, ApiVersion version, boolean queryAll) {
        CompiledQuery compiled = compiler.compile(soql, version.value(), queryAll);
        return jdbi.withHandle(handle -> compiled.countOnly()
                ? result(count(handle, compiled), List.of())
                : rows(handle, compiled, version));
    }

    private static long count(Handle handle, CompiledQuery compiled) {
        return bind(handle.createQuery(compiled.sql()), compiled).mapTo(Long.class).one();
    }

    private static Map<String, Object> rows(Handle handle, CompiledQuery compiled, ApiVersion version) {
        RecordMapper mapper = new RecordMapper(compiled.shape(), version.basePath());
        List<Map<String, Object>> records = bind(handle.createQuery(compiled.sql()), compiled)
                .map((rs, ctx) -> mapper.map(rs))
                .list();
        return result(records.size(), records);
    }

    private static Query bind(Query query, CompiledQuery compiled) {
        List<Object> parameters = compiled.parameters();
        for (int i = 0; i < parameters.size(); i++) query.bind(i, parameters.get(i));
        return query;
    }

    private static Map<String, Object> result(long totalSize, List<Map<String, Object>> records) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("totalSize", totalSize);
        result.put("done", true);
        result.put("records", records);
        return result;
    }
}
