package dev.sfsim.simulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.sobject.ApiRequest;
import dev.sfsim.simulator.sobject.ApiResponse;
import dev.sfsim.simulator.sobject.Bodies;
import dev.sfsim.simulator.sobject.Failures;
import dev.sfsim.simulator.sobject.SObjectResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * {@code POST /composite/batch} ("Batch", REST API Developer Guide): up to 25 independent
 * subrequests, each in its own savepoint; 200 {@code
 * {"hasErrors":…,"results":[{"statusCode":…,"result":…}]}}. With {@code haltOnError} the
 * subrequests after a failure answer 412 {@code BATCH_PROCESSING_HALTED}.
 */
final class Batch {
  private final RestDispatcher dispatcher;

  Batch(RestDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  ApiResponse handle(Handle h, ApiRequest r) {
    if (r.segments().size() > 1) {
      throw SalesforceException.notFound();
    }
    SObjectResource.allow(r, "POST");
    JsonNode body = Bodies.object(r.body());
    JsonNode subs = body.get("batchRequests");
    if (subs == null || !subs.isArray() || subs.isEmpty()) {
      throw SalesforceException.badRequest(
          "INVALID_INPUT", "batchRequests is required and must list at least one subrequest");
    }
    if (subs.size() > CompositeResource.MAX_SUBREQUESTS) {
      throw SalesforceException.badRequest(
          "LIMIT_EXCEEDED",
          "A batch can have at most " + CompositeResource.MAX_SUBREQUESTS + " subrequests");
    }
    List<Subrequest> parsed = new ArrayList<>();
    for (JsonNode s : subs) {
      parsed.add(Subrequest.parse(s, "richInput"));
    }
    boolean haltOnError = body.path("haltOnError").asBoolean(false);
    boolean hasErrors = false;
    List<Map<String, Object>> results = new ArrayList<>();
    for (Subrequest s : parsed) {
      ApiResponse resp =
          hasErrors && haltOnError
              ? Failures.response(
                  new SalesforceException(
                      412, "BATCH_PROCESSING_HALTED", "Batch processing halted per request"))
              : run(h, s, r);
      hasErrors |= resp.status() >= 400;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("statusCode", resp.status());
      m.put("result", resp.body());
      results.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hasErrors", hasErrors);
    out.put("results", results);
    return ApiResponse.ok(out);
  }

  private ApiResponse run(Handle h, Subrequest s, ApiRequest parent) {
    try {
      ApiRequest sub = s.toRequest(new ResultRefs(), parent);
      if ("composite".equals(sub.segment(0))) {
        throw SalesforceException.notSupported("Composite resources inside /composite/batch");
      }
      return Savepoints.run(h, () -> dispatcher.handle(h, sub));
    } catch (RuntimeException e) {
      return Failures.response(Failures.of(e));
    }
  }
}
