package dev.sfsim.simulator.query;

import dev.sfsim.simulator.http.Negotiation;
import dev.sfsim.simulator.org.ApiVersion;
import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /services/data/vNN.N/query?q=…} and {@code /queryAll?q=…} ("Query", "QueryAll", REST
 * API Developer Guide), their pages {@code /query/{locator}} and {@code /queryAll/{locator}},
 * {@code ?columns=true} (as {@code sf data query} asks) and {@code ?explain=}. The trailing slash
 * forms ({@code /query/?q=}, simple-salesforce) are served through the server's
 * ignore-trailing-slashes setting; {@code q} may encode spaces as {@code %20} or {@code +}. The
 * {@code Sforce-Query-Options: batchSize=N} header sets the page size. Results answer XML ({@code
 * QueryResult}) when asked for ({@link Negotiation}); explain and columns only JSON. Authentication
 * and error rendering happen elsewhere.
 */
public final class QueryRoutes {
  /**
   * The XML root of a query answer ({@code <QueryResult><done>…<records type="…"
   * url="…">…<totalSize>…}).
   */
  private static final String QUERY_RESULT = "QueryResult";

  private static final Pattern BATCH_SIZE =
      Pattern.compile("(?i)(?:^|[,;\\s])batchSize\\s*=\\s*(\\d{1,9})");

  private final QueryService service;
  private final QueryExplainer explainer;

  public QueryRoutes(QueryService service, QueryExplainer explainer) {
    this.service = service;
    this.explainer = explainer;
  }

  /** {@code GET /services/data/vNN.N/query?q=}. */
  public void query(Context ctx) {
    query(ctx, false);
  }

  /** {@code GET /services/data/vNN.N/queryAll?q=}: deleted records too. */
  public void queryAll(Context ctx) {
    query(ctx, true);
  }

  private void query(Context ctx, boolean queryAll) {
    ApiVersion version = ApiVersion.parse(ctx.pathParam("version"));
    String explain = ctx.queryParam("explain");
    if (explain != null && ctx.queryParam("q") == null) {
      Negotiation.jsonOnly(ctx, "the query explain resource");
      ctx.json(explainer.explain(explain, version, queryAll));
    } else if ("true".equalsIgnoreCase(ctx.queryParam("columns"))) {
      Negotiation.jsonOnly(ctx, "query columns (?columns=true)");
      ctx.json(explainer.columns(ctx.queryParam("q"), version, queryAll));
    } else {
      Negotiation.write(
          ctx,
          QUERY_RESULT,
          null,
          service.query(
              ctx.queryParam("q"),
              version,
              queryAll,
              batchSize(ctx.header("Sforce-Query-Options"))));
    }
  }

  public void next(Context ctx) {
    Negotiation.write(
        ctx,
        QUERY_RESULT,
        null,
        service.next(ctx.pathParam("locator"), ApiVersion.parse(ctx.pathParam("version"))));
  }

  /** {@code batchSize=N} of the header, or the default; the service clamps it to 200-2,000. */
  static int batchSize(String options) {
    if (options == null) {
      return QueryService.DEFAULT_BATCH_SIZE;
    }
    Matcher m = BATCH_SIZE.matcher(options);
    return m.find() ? Integer.parseInt(m.group(1)) : QueryService.DEFAULT_BATCH_SIZE;
  }
}
