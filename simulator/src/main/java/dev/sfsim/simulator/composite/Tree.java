package dev.sfsim.simulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.ChildRelationship;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.catalog.SupportedCall;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.sobject.ApiRequest;
import dev.sfsim.simulator.sobject.ApiResponse;
import dev.sfsim.simulator.sobject.Bodies;
import dev.sfsim.simulator.sobject.Failures;
import dev.sfsim.simulator.sobject.RecordOperations;
import dev.sfsim.simulator.sobject.SObjectResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /composite/tree/X} ("sObject Tree", REST API Developer Guide): records of X with
 * nested children under their child relationship names (at most 200 records, 5 levels), inserted
 * atomically. 201 {@code {"hasErrors":false,"results":[{"referenceId","id"}]}}; on a failure
 * nothing is written and 400 {@code
 * {"hasErrors":true,"results":[{"referenceId","errors":[{"statusCode","message","fields"}]}]}}.
 */
final class Tree {
  private static final int MAX_DEPTH = 5;
  private final Catalog catalog;
  private final RecordOperations records;

  Tree(Catalog catalog, RecordOperations records) {
    this.catalog = catalog;
    this.records = records;
  }

  ApiResponse handle(Handle h, ApiRequest r) {
    if (r.segments().size() != 1) {
      throw SalesforceException.notFound();
    }
    SObjectResource.allow(r, "POST");
    SObjectType type =
        catalog
            .find(java.util.Objects.requireNonNull(r.segment(0)), r.version().value())
            .orElseThrow(SalesforceException::notFound);
    JsonNode recs = Bodies.object(r.body()).get("records");
    if (recs == null || !recs.isArray()) {
      throw SalesforceException.badRequest(ErrorCode.INVALID_INPUT, "records is required");
    }
    if (count(recs) > Collections.MAX_RECORDS) {
      throw SalesforceException.badRequest(
          ErrorCode.LIMIT_EXCEEDED,
          "Exceeded max limit of " + Collections.MAX_RECORDS + " records");
    }
    List<Map<String, Object>> results = new ArrayList<>();
    Set<String> refs = new HashSet<>();
    for (JsonNode rec : recs) {
      Optional<Map<String, Object>> failure = insert(h, type, rec, null, null, 1, r, results, refs);
      if (failure.isPresent()) {
        h.rollback();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hasErrors", true);
        out.put("results", List.of(failure.get()));
        return new ApiResponse(400, Map.of(), out);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hasErrors", false);
    out.put("results", results);
    return new ApiResponse(201, Map.of(), out);
  }

  /**
   * Inserts one record and its children; the failure entry of the first record that could not be
   * inserted.
   */
  private Optional<Map<String, Object>> insert(
      Handle h,
      SObjectType type,
      JsonNode rec,
      @Nullable String parentField,
      @Nullable String parentId,
      int depth,
      ApiRequest r,
      List<Map<String, Object>> results,
      Set<String> refs) {
    String ref = rec.path("attributes").path("referenceId").asText("");
    try {
      if (!rec.isObject()) {
        throw SalesforceException.badRequest(
            ErrorCode.JSON_PARSER_ERROR, "Each record must be a JSON object");
      }
      if (depth > MAX_DEPTH) {
        throw SalesforceException.badRequest(
            ErrorCode.INVALID_INPUT, "Exceeded max depth of " + MAX_DEPTH);
      }
      if (ref.isEmpty() || !refs.add(ref)) {
        throw SalesforceException.badRequest(
            ErrorCode.INVALID_INPUT, "Include a unique referenceId for each record", List.of());
      }
      String declared = rec.path("attributes").path("type").asText(type.name());
      if (!declared.equalsIgnoreCase(type.name())) {
        throw SalesforceException.badRequest(
            ErrorCode.INVALID_INPUT, "The type of the record must be " + type.name(), List.of());
      }
      if (!type.supports(SupportedCall.CREATE)) {
        throw SalesforceException.badRequest(
            ErrorCode.INVALID_TYPE_FOR_OPERATION,
            "entity type " + type.name() + " does not support create");
      }
      Map<String, JsonNode> values = new LinkedHashMap<>();
      Map<ChildRelationship, JsonNode> children = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = rec.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("attributes")) {
          continue;
        }
        Optional<ChildRelationship> child =
            catalog.childRelationships(type, r.version().value()).stream()
                .filter(c -> e.getKey().equalsIgnoreCase(c.relationshipName()))
                .findFirst();
        if (child.isPresent() && e.getValue().isObject()) {
          children.put(child.get(), e.getValue().path("records"));
        } else {
          values.put(e.getKey(), e.getValue());
        }
      }
      JsonNode plain =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().setAll(values);
      Map<String, JsonNode> fields = Bodies.fields(type, plain, r.version());
      if (parentField != null) {
        fields.put(parentField, TextNode.valueOf(parentId));
      }
      String id = records.insert(h, type, fields, r);
      Map<String, Object> ok = new LinkedHashMap<>();
      ok.put("referenceId", ref);
      ok.put("id", id);
      results.add(ok);
      for (Map.Entry<ChildRelationship, JsonNode> c : children.entrySet()) {
        SObjectType childType = catalog.find(c.getKey().childSObject()).orElseThrow();
        for (JsonNode child : c.getValue()) {
          Optional<Map<String, Object>> f =
              insert(h, childType, child, c.getKey().field(), id, depth + 1, r, results, refs);
          if (f.isPresent()) {
            return f;
          }
        }
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      Map<String, Object> fail = new LinkedHashMap<>();
      fail.put("referenceId", ref);
      fail.put("errors", List.of(Failures.recordError(Failures.of(e))));
      return Optional.of(fail);
    }
  }

  private static int count(JsonNode recs) {
    int n = 0;
    for (JsonNode rec : recs) {
      n++;
      if (!rec.isObject()) {
        continue;
      }
      Iterator<JsonNode> it = rec.elements();
      while (it.hasNext()) {
        JsonNode v = it.next();
        if (v.isObject() && v.path("records").isArray()) {
          n += count(v.path("records"));
        }
      }
    }
    return n;
  }
}
