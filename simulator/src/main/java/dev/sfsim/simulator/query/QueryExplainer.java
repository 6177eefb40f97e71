package dev.sfsim.simulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.soql.CompiledQuery;
import dev.sfsim.simulator.soql.SoqlCompiler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /query?explain=SOQL} ("Get Feedback on Query Performance", REST API Developer Guide)
 * and {@code GET /query?q=SOQL&columns=true} (as {@code sf data query} reads it, see {@link
 * ColumnMetadata}).
 *
 * <p>The plan comes from PostgreSQL's own {@code EXPLAIN} of the translated statement: {@code
 * cardinality} is its row estimate, {@code leadingOperationType} {@code Index} when it scans an
 * index and {@code TableScan} otherwise, {@code sobjectCardinality} the object's row count, and
 * {@code relativeCost} the estimate over Salesforce's selectivity threshold (10% of the rows), at
 * least 1 for table scans — an approximation of Salesforce's optimizer.
 */
public final class QueryExplainer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final SoqlCompiler compiler;
  private final SimClock clock;

  public QueryExplainer(Jdbi jdbi, SoqlCompiler compiler, SimClock clock) {
    this.jdbi = jdbi;
    this.compiler = compiler;
    this.clock = clock;
  }

  /**
   * {@code {"plans":[{cardinality, fields, leadingOperationType, notes, relativeCost,
   * sobjectCardinality, sobjectType}],"sourceQuery":…}}.
   */
  public Map<String, Object> explain(String soql, ApiVersion version, boolean queryAll) {
    CompiledQuery compiled = compiler.compile(soql, version.value(), queryAll);
    List<Object> parameters = compiled.parameters(clock.now());
    return jdbi.withHandle(
        h -> {
          var query = h.createQuery("EXPLAIN (FORMAT JSON) " + compiled.sql());
          for (int i = 0; i < parameters.size(); i++) {
            query.bind(i, parameters.get(i));
          }
          JsonNode plan = parse(query.mapTo(String.class).one()).get(0).get("Plan");
          long rows =
              h.createQuery("SELECT count(*) FROM " + compiled.root().table())
                  .mapTo(Long.class)
                  .one();
          long cardinality = plan.path("Plan Rows").asLong();
          boolean index = usesIndex(plan);
          double cost = cardinality / Math.max(1.0, rows * 0.1);
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("cardinality", cardinality);
          p.put("fields", List.of());
          p.put("leadingOperationType", index ? "Index" : "TableScan");
          p.put("notes", List.of());
          p.put("relativeCost", index ? cost : Math.max(1.0, cost));
          p.put("sobjectCardinality", rows);
          p.put("sobjectType", compiled.root().name());
          Map<String, Object> result = new LinkedHashMap<>();
          result.put("plans", List.of(p));
          result.put("sourceQuery", soql);
          return result;
        });
  }

  /** The {@code columnMetadata} answer of {@code columns=true}. */
  public Map<String, Object> columns(String soql, ApiVersion version, boolean queryAll) {
    return ColumnMetadata.of(compiler.compile(soql, version.value(), queryAll));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean usesIndex(JsonNode node) {
    if (node.path("Node Type").asText().contains("Index")) {
      return true;
    }
    for (JsonNode child : node.path("Plans")) {
      if (usesIndex(child)) {
        return true;
      }
    }
    return false;
  }
}
