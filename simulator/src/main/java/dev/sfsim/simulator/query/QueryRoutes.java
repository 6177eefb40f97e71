package dev.sfsim.simulator.query;

import dev.sfsim.simulator.error.SalesforceException;
import dev.sfsim.simulator.http.ApiVersion;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /services/data/vNN.N/query?q=…} and {@code /queryAll?q=…} (wire format notes §3.1). The trailing
 * slash forms ({@code /query/?q=}, simple-salesforce) are served through the server's ignore-trailing-slashes
 * setting; {@code q} may encode spaces as {@code %20} or {@code +}. {@code /query/{locator}} answers 400
 * {@code INVALID_QUERY_LOCATOR} until cursors are emulated. Authentication and error rendering happen elsewhere.
 */
public final class QueryRoutes {
    private final QueryService service;

    public QueryRoutes(QueryService service) {
        this.service = service;
    }

    public void register(RoutesConfig routes) {
        routes.get("/services/data/{version}/query", ctx -> query(ctx, false));
        routes.get("/services/data/{version}/queryAll", ctx -> query(ctx, true));
        routes.get("/services/data/{version}/query/{locator}", QueryRoutes::locator);
        routes.get("/services/data/{version}/queryAll/{locator}", QueryRoutes::locator);
    }

    private void query(Context ctx, boolean queryAll) {
        ApiVersion version = ApiVersion.parse(ctx.pathParam("version"));
        ctx.json(service.query(ctx.queryParam("q"), version, queryAll));
    }

    private static void locator(Context ctx) {
        ApiVersion.parse(ctx.pathParam("version"));
        throw SalesforceException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
    }
}
