package dev.sfsim.simulator.sobject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Record CRUD and upsert of one object ("Working with Records", "Insert or Update (Upsert) a Record
 * Using an External ID", REST API Developer Guide): create 201 {@code {id,success,errors}} + {@code
 * Location}; retrieve 200; update and delete 204; upsert 201 (inserted), 200 {@code created:false}
 * from v46 or 204 before (updated), 300 with the matching URLs (several).
 */
public final class RecordOperations {
  private static final double CREATED_FLAG_SINCE = 46.0;
  private final RecordRepository repository;
  private final SimClock clock;

  public RecordOperations(RecordRepository repository, SimClock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  ApiResponse create(Handle h, SObjectType type, ApiRequest r) {
    String id = insert(h, type, Bodies.fields(type, Bodies.object(r.body()), r.version()), r);
    return ApiResponse.created(location(type, id, r.version()), id, null);
  }

  public String insert(Handle h, SObjectType type, Map<String, JsonNode> values, ApiRequest r) {
    return repository.insert(h, type, values, WriteMode.API, r.userId(), clock.now());
  }

  public void update(
      Handle h, SObjectType type, String id, Map<String, JsonNode> values, ApiRequest r) {
    checkNotDeleted(h, type, id);
    repository.update(h, type, id, values, WriteMode.API, r.userId(), clock.now());
  }

  public void delete(Handle h, SObjectType type, String id, ApiRequest r) {
    repository.delete(h, type, id, r.userId(), clock.now());
  }

  /**
   * The live record, all fields of the version or those of {@code ?fields=}; 404 {@code NOT_FOUND}
   * otherwise.
   */
  public Map<String, Object> retrieve(Handle h, SObjectType type, String id, ApiRequest r) {
    return RecordReader.retrieve(
            h, type, id, requestedFields(type, r), r.version().basePath(), false)
        .orElseThrow(SalesforceException::notFound);
  }

  /** PATCH {@code /sobjects/X/{Field}/{value}}. */
  public ApiResponse upsert(
      Handle h, SObjectType type, SObjectField key, @Nullable String value, ApiRequest r) {
    Map<String, JsonNode> values = Bodies.fields(type, Bodies.object(r.body()), r.version());
    List<String> matches = matches(h, type, key, value);
    boolean createdFlag = r.version().value() >= CREATED_FLAG_SINCE;
    if (matches.size() > 1) {
      return multipleChoices(type, matches, r.version());
    }
    if (matches.size() == 1) {
      String id = matches.get(0);
      values.keySet().removeIf(k -> k.equalsIgnoreCase(key.name()));
      update(h, type, id, values, r);
      return createdFlag ? ApiResponse.ok(SaveResult.saved(id, false)) : ApiResponse.noContent();
    }
    if (key.name().equals("Id") || "true".equalsIgnoreCase(r.query().get("updateOnly"))) {
      throw SalesforceException.notFound();
    }
    Map<String, JsonNode> withKey = new LinkedHashMap<>(values);
    withKey.keySet().removeIf(k -> k.equalsIgnoreCase(key.name()));
    withKey.put(key.name(), TextNode.valueOf(value));
    String id = insert(h, type, withKey, r);
    return ApiResponse.created(location(type, id, r.version()), id, createdFlag ? true : null);
  }

  /** GET or DELETE {@code /sobjects/X/{Field}/{value}}: exactly one live match, else 404 or 300. */
  ApiResponse byExternalId(
      Handle h, SObjectType type, SObjectField key, @Nullable String value, ApiRequest r) {
    List<String> matches = matches(h, type, key, value);
    if (matches.isEmpty()) {
      throw SalesforceException.notFound();
    }
    if (matches.size() > 1) {
      return multipleChoices(type, matches, r.version());
    }
    if (r.method().equals("DELETE")) {
      delete(h, type, matches.get(0), r);
      return ApiResponse.noContent();
    }
    return ApiResponse.ok(retrieve(h, type, matches.get(0), r));
  }

  /**
   * The 18-character id of a record-id path segment.
   *
   * @throws SalesforceException 400 {@code MALFORMED_ID} for an id-shaped segment with a wrong
   *     checksum or another object's prefix; 404 {@code NOT_FOUND} for anything else
   */
  public static String pathId(SObjectType type, @Nullable String segment) {
    Optional<String> id = SalesforceIds.parse(segment);
    if (id.isPresent() && SalesforceIds.keyPrefix(id.get()).equals(type.keyPrefix())) {
      return id.get();
    }
    if (segment != null && (segment.length() == 15 || segment.length() == 18)) {
      throw SalesforceException.badRequest(
          ErrorCode.MALFORMED_ID,
          type.field("Id").orElseThrow().label() + ": id value of incorrect type: " + segment,
          List.of("Id"));
    }
    throw new SalesforceException(
        404,
        ErrorCode.NOT_FOUND,
        "Provided external ID field does not exist or is not accessible: " + segment);
  }

  static String location(SObjectType type, String id, ApiVersion v) {
    return v.basePath() + "/sobjects/" + type.name() + "/" + id;
  }

  private void checkNotDeleted(Handle h, SObjectType type, String id) {
    if (RecordReader.deleted(h, type, id).orElseThrow(SalesforceException::notFound)) {
      throw new SalesforceException(
          404, ErrorCode.ENTITY_IS_DELETED, "entity is deleted", List.of());
    }
  }

  private static List<String> matches(
      Handle h, SObjectType type, SObjectField key, @Nullable String value) {
    if (key.name().equals("Id")) {
      String id = pathId(type, value);
      return RecordReader.deleted(h, type, id)
          .filter(d -> !d)
          .map(d -> List.of(id))
          .orElse(List.of());
    }
    Object v = FieldCoercion.coerce(key, TextNode.valueOf(value));
    return RecordReader.idsWhere(h, type, key, v, 200);
  }

  private static ApiResponse multipleChoices(SObjectType type, List<String> ids, ApiVersion v) {
    return new ApiResponse(300, Map.of(), ids.stream().map(id -> location(type, id, v)).toList());
  }

  private static List<SObjectField> requestedFields(SObjectType type, ApiRequest r) {
    String fields = r.query().get("fields");
    if (fields == null || fields.isBlank()) {
      return type.fieldsIn(r.version().value());
    }
    List<SObjectField> list = new ArrayList<>();
    for (String name : fields.split(",")) {
      String n = name.trim();
      if (n.isEmpty()) {
        continue;
      }
      SObjectField f =
          type.field(n, r.version().value())
              .orElseThrow(
                  () ->
                      SalesforceException.badRequest(
                          ErrorCode.INVALID_FIELD,
                          "No such column '"
                              + n
                              + "' on entity '"
                              + type.name()
                              + "'. If you are attempting to use a custom field, be sure to "
                              + "append the '__c' after the custom field name. Please reference your WSDL or the describe call for the "
                              + "appropriate names."));
      if (!list.contains(f)) {
        list.add(f);
      }
    }
    return list;
  }
}
