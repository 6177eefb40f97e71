package dev.sfsim.simulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.catalog.SupportedCall;
import dev.sfsim.simulator.http.ErrorRenderer;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.sobject.ApiRequest;
import dev.sfsim.simulator.sobject.ApiResponse;
import dev.sfsim.simulator.sobject.Bodies;
import dev.sfsim.simulator.sobject.Failures;
import dev.sfsim.simulator.sobject.RecordOperations;
import dev.sfsim.simulator.sobject.SObjectResource;
import dev.sfsim.simulator.sobject.SaveResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * sObject Collections ("sObject Collections", REST API Developer Guide): create (POST), update
 * (PATCH), delete (DELETE {@code ?ids=}), upsert (PATCH {@code /X/{Field}}) of up to 200 records,
 * and retrieve (GET {@code /X?ids=&fields=} or POST {@code /X {"ids","fields"}}, up to 2000).
 * Answers 200 with one {@code {"id","success","errors"}} per record, in order; each record runs in
 * its own savepoint, and under {@code allOrNone} one failure rolls all back ({@code
 * ALL_OR_NONE_OPERATION_ROLLED_BACK} for the others).
 */
final class Collections {
  static final int MAX_RECORDS = 200;
  private static final int MAX_RETRIEVE = 2000;
  private final Catalog catalog;
  private final RecordOperations records;

  Collections(Catalog catalog, RecordOperations records) {
    this.catalog = catalog;
    this.records = records;
  }

  ApiResponse handle(Handle h, ApiRequest r) {
    return switch (r.segments().size()) {
      case 0 -> {
        SObjectResource.allow(r, "POST", "PATCH", "DELETE");
        yield r.method().equals("DELETE") ? delete(h, r) : write(h, r);
      }
      case 1 -> retrieve(h, r);
      case 2 -> {
        SObjectResource.allow(r, "PATCH");
        yield upsert(h, r);
      }
      default -> throw SalesforceException.notFound();
    };
  }

  private ApiResponse write(Handle h, ApiRequest r) {
    JsonNode body = Bodies.object(r.body());
    List<JsonNode> list = recordList(body);
    boolean create = r.method().equals("POST");
    return ApiResponse.ok(
        apply(
            h,
            list,
            body.path("allOrNone").asBoolean(false),
            rec -> {
              SObjectType type = typeOf(rec, r);
              Map<String, JsonNode> values = Bodies.fields(type, rec, r.version());
              if (create) {
                requireCall(type, SupportedCall.CREATE, "create");
                if (values.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Id"))) {
                  throw SalesforceException.badRequest(
                      ErrorCode.INVALID_FIELD, "cannot specify Id in an insert call", List.of());
                }
                return SaveResult.saved(records.insert(h, type, values, r), null);
              }
              requireCall(type, SupportedCall.UPDATE, "update");
              String key =
                  values.keySet().stream()
                      .filter(k -> k.equalsIgnoreCase("Id"))
                      .findFirst()
                      .orElseThrow(
                          () ->
                              SalesforceException.badRequest(
                                  ErrorCode.MISSING_ARGUMENT,
                                  "Id not specified in an update call",
                                  List.of()));
              String id =
                  RecordOperations.pathId(
                      type, java.util.Objects.requireNonNull(values.remove(key)).asText());
              records.update(h, type, id, values, r);
              return SaveResult.saved(id, null);
            },
            rec -> null));
  }

  private ApiResponse upsert(Handle h, ApiRequest r) {
    SObjectType type =
        catalog
            .find(java.util.Objects.requireNonNull(r.segment(0)), r.version().value())
            .orElseThrow(SalesforceException::notFound);
    SObjectField key =
        type.field(java.util.Objects.requireNonNull(r.segment(1)), r.version().value())
            .filter(
                f ->
                    f.name().equals("Id")
                        || f.attributes().externalId()
                        || f.attributes().idLookup())
            .orElseThrow(
                () ->
                    new SalesforceException(
                        404,
                        ErrorCode.NOT_FOUND,
                        "Provided external ID field does not exist or is not accessible: "
                            + r.segment(1)));
    requireCall(type, SupportedCall.UPSERT, "upsert");
    JsonNode body = Bodies.object(r.body());
    return ApiResponse.ok(
        apply(
            h,
            recordList(body),
            body.path("allOrNone").asBoolean(false),
            rec -> {
              JsonNode value = rec.get(key.name());
              if (value == null || value.isNull()) {
                throw SalesforceException.badRequest(
                    ErrorCode.MISSING_ARGUMENT, key.name() + " not specified", List.of(key.name()));
              }
              ApiRequest one =
                  new ApiRequest(
                      "PATCH",
                      r.version(),
                      r.segments(),
                      r.query(),
                      CompositeResource.json(rec),
                      r.userId(),
                      null);
              ApiResponse resp = records.upsert(h, type, key, value.asText(), one);
              if (resp.status() == 300) {
                throw new SalesforceException(
                    300,
                    ErrorCode.DUPLICATE_EXTERNAL_ID,
                    key.name()
                        + ": more than one record found for external id field: "
                        + resp.body(),
                    List.of(key.name()));
              }
              String id = resp.body() instanceof SaveResult saved ? saved.id() : null;
              return SaveResult.saved(id, resp.status() == 201);
            },
            rec -> null));
  }

  private ApiResponse delete(Handle h, ApiRequest r) {
    List<String> ids = idList(r.query().get("ids"), MAX_RECORDS);
    if (ids.isEmpty()) {
      throw SalesforceException.badRequest(ErrorCode.MISSING_ARGUMENT, "ids not specified");
    }
    boolean allOrNone = "true".equalsIgnoreCase(r.query().get("allOrNone"));
    List<JsonNode> nodes =
        ids.stream()
            .map(id -> (JsonNode) com.fasterxml.jackson.databind.node.TextNode.valueOf(id))
            .toList();
    return ApiResponse.ok(
        apply(
            h,
            nodes,
            allOrNone,
            node -> {
              String raw = node.asText();
              SObjectType type = typeOfId(raw);
              String id = RecordOperations.pathId(type, raw);
              records.delete(h, type, id, r);
              return SaveResult.saved(id, null);
            },
            JsonNode::asText));
  }

  private ApiResponse retrieve(Handle h, ApiRequest r) {
    SObjectResource.allow(r, "GET", "POST");
    SObjectType type =
        catalog
            .find(java.util.Objects.requireNonNull(r.segment(0)), r.version().value())
            .orElseThrow(SalesforceException::notFound);
    List<String> ids;
    String fields;
    if (r.method().equals("POST")) {
      JsonNode body = Bodies.object(r.body());
      ids = new ArrayList<>();
      body.path("ids").forEach(n -> ids.add(n.asText()));
      List<String> f = new ArrayList<>();
      body.path("fields").forEach(n -> f.add(n.asText()));
      fields = String.join(",", f);
      if (ids.size() > MAX_RETRIEVE) {
        throw limit(MAX_RETRIEVE);
      }
    } else {
      ids = idList(r.query().get("ids"), MAX_RETRIEVE);
      fields = r.query().get("fields");
    }
    if (ids.isEmpty() || fields == null || fields.isBlank()) {
      throw SalesforceException.badRequest(
          ErrorCode.MISSING_ARGUMENT, ids.isEmpty() ? "ids not specified" : "fields not specified");
    }
    Map<String, String> query = new LinkedHashMap<>(r.query());
    query.put("fields", fields);
    ApiRequest withFields =
        new ApiRequest("GET", r.version(), r.segments(), query, null, r.userId(), null);
    List<Object> out = new ArrayList<>();
    for (String raw : ids) {
      String id = RecordOperations.pathId(type, raw);
      try {
        out.add(records.retrieve(h, type, id, withFields));
      } catch (SalesforceException e) {
        if (e.status() != 404) {
          throw e;
        }
        out.add(null);
      }
    }
    return ApiResponse.ok(out);
  }

  /**
   * Runs {@code op} per record in a savepoint; under allOrNone any failure rolls back all and marks
   * the others.
   */
  private static List<SaveResult> apply(
      Handle h,
      List<JsonNode> items,
      boolean allOrNone,
      Function<JsonNode, SaveResult> op,
      Function<JsonNode, @Nullable String> idOnFailure) {
    List<SaveResult> results = new ArrayList<>();
    boolean anyFailed = false;
    for (JsonNode item : items) {
      try {
        results.add(Savepoints.run(h, () -> op.apply(item)));
      } catch (RuntimeException e) {
        anyFailed = true;
        results.add(
            SaveResult.failed(idOnFailure.apply(item), Failures.recordError(Failures.of(e))));
      }
    }
    if (allOrNone && anyFailed) {
      h.rollback();
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).success()) {
          results.set(
              i,
              SaveResult.failed(
                  null,
                  ErrorRenderer.recordError(
                      ErrorCode.ALL_OR_NONE_OPERATION_ROLLED_BACK,
                      "Record rolled back because not all records were valid and the request was using AllOrNone header",
                      List.of())));
        }
      }
    }
    return results;
  }

  private SObjectType typeOf(JsonNode rec, ApiRequest r) {
    String name = rec.path("attributes").path("type").asText("");
    if (name.isEmpty()) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_TYPE, "Must specify a type in attributes", List.of());
    }
    return catalog
        .find(name, r.version().value())
        .orElseThrow(
            () ->
                SalesforceException.badRequest(
                    ErrorCode.INVALID_TYPE,
                    "sObject type '" + name + "' is not supported.",
                    List.of()));
  }

  private SObjectType typeOfId(String raw) {
    return dev.sfsim.simulator.ids.SalesforceIds.parse(raw)
        .flatMap(id -> catalog.byKeyPrefix(dev.sfsim.simulator.ids.SalesforceIds.keyPrefix(id)))
        .orElseThrow(
            () ->
                SalesforceException.badRequest(
                    ErrorCode.MALFORMED_ID, "malformed id " + raw, List.of()));
  }

  private static void requireCall(SObjectType type, SupportedCall call, String name) {
    if (!type.supports(call)) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_TYPE_FOR_OPERATION,
          "entity type " + type.name() + " does not support " + name,
          List.of());
    }
  }

  private static List<JsonNode> recordList(JsonNode body) {
    JsonNode recs = body.get("records");
    if (recs == null || !recs.isArray()) {
      throw SalesforceException.badRequest(ErrorCode.INVALID_INPUT, "records is required");
    }
    if (recs.size() > MAX_RECORDS) {
      throw limit(MAX_RECORDS);
    }
    List<JsonNode> list = new ArrayList<>();
    for (JsonNode n : recs) {
      if (!n.isObject()) {
        throw SalesforceException.badRequest(
            ErrorCode.JSON_PARSER_ERROR, "Each record must be a JSON object");
      }
      list.add(n);
    }
    return list;
  }

  private static List<String> idList(@Nullable String ids, int max) {
    List<String> list = new ArrayList<>();
    if (ids != null) {
      for (String s : ids.split(",")) {
        if (!s.isBlank()) {
          list.add(s.trim());
        }
      }
    }
    if (list.size() > max) {
      throw limit(max);
    }
    return list;
  }

  private static SalesforceException limit(int max) {
    return SalesforceException.badRequest(
        ErrorCode.EXCEEDED_ID_LIMIT,
        "record limit reached. cannot submit more than " + max + " records into this call");
  }
}
