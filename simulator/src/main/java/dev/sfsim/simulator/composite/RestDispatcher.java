package dev.sfsim.simulator.composite;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.query.QueryService;
import dev.sfsim.simulator.sobject.ApiRequest;
import dev.sfsim.simulator.sobject.ApiResponse;
import dev.sfsim.simulator.sobject.RecordOperations;
import dev.sfsim.simulator.sobject.RecordRepository;
import dev.sfsim.simulator.sobject.SObjectResource;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Routes a framework-free {@link ApiRequest} to the sObject and composite resources. The HTTP
 * routes and composite subrequests both come through here, so a subrequest behaves exactly like the
 * same call made on its own. Each top-level call is one transaction: a failure writes nothing.
 */
public final class RestDispatcher {
  private final Jdbi jdbi;
  private final SObjectResource sobjects;
  private final QueryService queries;
  private final CompositeResource composite;

  public RestDispatcher(
      Jdbi jdbi,
      Catalog catalog,
      RecordRepository repository,
      QueryService queries,
      SimClock clock,
      Instant catalogModified) {
    this.jdbi = jdbi;
    RecordOperations records = new RecordOperations(repository, clock);
    this.sobjects = new SObjectResource(catalog, records, clock, catalogModified);
    this.queries = queries;
    this.composite =
        new CompositeResource(this, new Collections(catalog, records), new Tree(catalog, records));
  }

  /** Handles a call in its own transaction; failures are thrown as {@link SalesforceException}s. */
  public ApiResponse handle(ApiRequest r) {
    return jdbi.inTransaction(h -> handle(h, r));
  }

  /** Handles a call inside the caller's transaction (composite subrequests). */
  ApiResponse handle(Handle h, ApiRequest r) {
    String first = r.segment(0);
    if (first == null) {
      throw SalesforceException.notFound();
    }
    return switch (first) {
      case "sobjects" -> sobjects.handle(h, r.tail(1));
      case "composite" -> composite.handle(h, r.tail(1));
      case "query", "queryAll" -> query(r, first.equals("queryAll"));
      default -> throw SalesforceException.notFound();
    };
  }

  private ApiResponse query(ApiRequest r, boolean all) {
    if (r.segments().size() > 1) {
      throw SalesforceException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    SObjectResource.allow(r, "GET", "HEAD");
    return ApiResponse.ok(queries.query(r.query().get("q"), r.version(), all));
  }
}
