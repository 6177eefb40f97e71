package dev.sfsim.simulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.org.ErrorCode;
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
import org.jspecify.annotations.Nullable;

/**
 * {@code /composite} ("Composite", REST API Developer Guide): up to 25 subrequests run in order in
 * one transaction, each in its own savepoint; {@code @{refId.path}} in a url or body takes a value
 * of an earlier answer. Always 200 {@code
 * {"compositeResponse":[{"body","httpHeaders","httpStatusCode","referenceId"}]}}; under {@code
 * allOrNone} a failure rolls everything back and every other subrequest reports 400 {@code
 * PROCESSING_HALTED}. Also dispatches {@code /composite/batch}, {@code /composite/sobjects} and
 * {@code /composite/tree}.
 */
final class CompositeResource {
  static final int MAX_SUBREQUESTS = 25;
  private static final int MAX_QUERIES = 5;
  private static final String HALTED =
      "The transaction was rolled back since another operation in the same transaction failed.";
  private final RestDispatcher dispatcher;
  private final Collections collections;
  private final Tree tree;

  CompositeResource(RestDispatcher dispatcher, Collections collections, Tree tree) {
    this.dispatcher = dispatcher;
    this.collections = collections;
    this.tree = tree;
  }

  ApiResponse handle(Handle h, ApiRequest r) {
    String first = r.segment(0);
    if (first == null) {
      SObjectResource.allow(r, "GET", "HEAD", "POST");
      if (r.method().equals("POST")) {
        return composite(h, r);
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (String k : List.of("tree", "batch", "sobjects")) {
        m.put(k, r.version().basePath() + "/composite/" + k);
      }
      return ApiResponse.ok(m);
    }
    return switch (first) {
      case "batch" -> new Batch(dispatcher).handle(h, r);
      case "sobjects" -> collections.handle(h, r.tail(1));
      case "tree" -> tree.handle(h, r.tail(1));
      case "graph" -> throw SalesforceException.notSupported("/composite/graph");
      default -> throw SalesforceException.notFound();
    };
  }

  private ApiResponse composite(Handle h, ApiRequest r) {
    JsonNode body = Bodies.object(r.body());
    JsonNode subs = body.get("compositeRequest");
    if (subs == null || !subs.isArray() || subs.isEmpty()) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_INPUT,
          "compositeRequest is required and must list at least one subrequest");
    }
    if (subs.size() > MAX_SUBREQUESTS) {
      throw SalesforceException.badRequest(
          ErrorCode.LIMIT_EXCEEDED,
          "Composite request can have at most " + MAX_SUBREQUESTS + " subrequests");
    }
    boolean allOrNone = body.path("allOrNone").asBoolean(false);
    List<Subrequest> parsed = new ArrayList<>();
    for (JsonNode s : subs) {
      parsed.add(Subrequest.parse(s, parsed));
    }
    long queries =
        parsed.stream().filter(s -> s.url().matches("^[^?]*/(query|queryAll)/?(\\?.*)?$")).count();
    if (queries > MAX_QUERIES) {
      throw SalesforceException.badRequest(
          ErrorCode.LIMIT_EXCEEDED,
          "Composite request can have at most " + MAX_QUERIES + " query subrequests");
    }
    ResultRefs refs = new ResultRefs();
    List<Map<String, Object>> out = new ArrayList<>();
    int failed = -1;
    for (int i = 0; i < parsed.size(); i++) {
      Subrequest s = parsed.get(i);
      ApiResponse resp = run(h, s, refs, r);
      out.add(entry(resp, s.referenceId()));
      if (resp.status() < 400) {
        refs.put(s.referenceId(), resp.body());
      } else if (allOrNone) {
        failed = i;
        break;
      }
    }
    if (failed >= 0) {
      h.rollback();
      for (int i = 0; i < parsed.size(); i++) {
        if (i == failed) {
          continue;
        }
        ApiResponse halted =
            Failures.response(new SalesforceException(400, ErrorCode.PROCESSING_HALTED, HALTED));
        Map<String, Object> e = entry(halted, parsed.get(i).referenceId());
        if (i < out.size()) {
          out.set(i, e);
        } else {
          out.add(e);
        }
      }
    }
    return ApiResponse.ok(Map.of("compositeResponse", out));
  }

  private ApiResponse run(Handle h, Subrequest s, ResultRefs refs, ApiRequest parent) {
    try {
      ApiRequest sub = s.toRequest(refs, parent);
      if ("composite".equals(sub.segment(0))) {
        throw SalesforceException.notSupported("Composite resources inside /composite");
      }
      return Savepoints.run(h, () -> dispatcher.handle(h, sub));
    } catch (RuntimeException e) {
      return Failures.response(Failures.of(e));
    }
  }

  private static Map<String, Object> entry(ApiResponse resp, @Nullable String referenceId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("body", resp.body());
    m.put("httpHeaders", resp.headers());
    m.put("httpStatusCode", resp.status());
    m.put("referenceId", referenceId);
    return m;
  }

  static @Nullable String json(@Nullable JsonNode node) {
    try {
      return node == null || node.isNull() || node.isMissingNode()
          ? null
          : Json.MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
