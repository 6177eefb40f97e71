package dev.sfsim.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.messaging.MessagingComponent;
import dev.sfsim.simulator.messaging.persistence.ComponentRepository;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.SqlStates;
import dev.sfsim.simulator.sobject.InsertBatch;
import dev.sfsim.simulator.sobject.RecordRepository;
import dev.sfsim.simulator.sobject.WriteMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Seeds fixtures ({@code POST /__admin/fixtures}; admin API contract: {@code GET
 * /__admin/openapi.json}): messaging components and records in Salesforce's sObject Tree format
 * with {@code @{referenceId.id}} references to earlier records of the same body. All or nothing:
 * one bad record rejects the whole body, with its {@code referenceId} in {@code fields}.
 */
public final class FixtureService {
  private static final Pattern REFERENCE = Pattern.compile("@\\{([^.}]+)\\.id}");

  private final Jdbi jdbi;
  private final Catalog catalog;
  private final RecordRepository records;
  private final ComponentRepository components;
  private final SimClock clock;
  private final String userId;

  public FixtureService(
      Jdbi jdbi,
      Catalog catalog,
      RecordRepository records,
      ComponentRepository components,
      SimClock clock,
      String userId) {
    this.jdbi = jdbi;
    this.catalog = catalog;
    this.records = records;
    this.components = components;
    this.clock = clock;
    this.userId = userId;
  }

  /** The ids given to the records, in body order, and the names of the components seeded. */
  public record Result(List<Map<String, String>> results, List<String> messagingComponents) {}

  /**
   * Loads one fixtures body in one transaction.
   *
   * @throws SalesforceException 400 naming the offending record's {@code referenceId} (or
   *     component) and the problem
   */
  public Result load(JsonNode body) {
    checkKeys(body);
    return jdbi.inTransaction(h -> loadInto(h, body, false));
  }

  private static void checkKeys(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw SalesforceException.badRequest(
          ErrorCode.JSON_PARSER_ERROR,
          "A fixtures body must be a JSON object with 'records' and/or 'messagingComponents'.");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("records") && !key.equals("messagingComponents")) {
        throw SalesforceException.badRequest(
            ErrorCode.INVALID_FIELD,
            "Unknown fixtures key '" + key + "'. Expected 'records' and/or 'messagingComponents'.");
      }
    }
  }

  /**
   * {@link #load(JsonNode)} within the caller's transaction: a full reset clears the org, seeds it
   * and loads the startup files in one. That transaction restarted the record sequence, so the
   * records' numbers are drawn in one query ({@link InsertBatch}: same ids, and none of it left
   * behind when the reset fails).
   */
  Result loadAfterRestart(Handle h, JsonNode body) {
    checkKeys(body);
    return loadInto(h, body, true);
  }

  private Result loadInto(Handle h, JsonNode body, boolean drawIds) {
    List<String> names = new ArrayList<>();
    for (JsonNode c : array(body, "messagingComponents")) {
      MessagingComponent component = ComponentFixtures.parse(c);
      components.upsert(h, component);
      names.add(component.developerName());
    }
    List<JsonNode> list = array(body, "records");
    InsertBatch batch = new InsertBatch();
    if (drawIds) {
      batch.drawIds(h, list.size());
    }
    List<Map<String, String>> results = loadRecords(h, list, batch);
    batch.giveBackUnused(h);
    return new Result(results, names);
  }

  private List<Map<String, String>> loadRecords(Handle h, List<JsonNode> list, InsertBatch batch) {
    Map<String, String> idsByRef = new LinkedHashMap<>();
    List<Map<String, String>> results = new ArrayList<>();
    int index = 0;
    for (JsonNode rec : list) {
      index++;
      String ref = rec.path("attributes").path("referenceId").asText("");
      String label = ref.isEmpty() ? "record #" + index : "referenceId '" + ref + "'";
      List<String> fields = List.of(ref.isEmpty() ? "record #" + index : ref);
      try {
        if (!rec.isObject()) {
          throw SalesforceException.badRequest(
              ErrorCode.JSON_PARSER_ERROR, "a record must be a JSON object");
        }
        if (ref.isEmpty()) {
          throw SalesforceException.badRequest(
              ErrorCode.REQUIRED_FIELD_MISSING, "attributes.referenceId is required");
        }
        if (idsByRef.containsKey(ref)) {
          throw SalesforceException.badRequest(ErrorCode.DUPLICATE_VALUE, "duplicate referenceId");
        }
        String typeName = rec.path("attributes").path("type").asText("");
        SObjectType type =
            catalog
                .find(typeName)
                .orElseThrow(
                    () ->
                        SalesforceException.badRequest(
                            ErrorCode.INVALID_TYPE,
                            "sObject type '" + typeName + "' is not supported."));
        String id =
            records.insert(
                h, type, values(rec, idsByRef), WriteMode.SYSTEM, userId, clock.now(), batch, null);
        idsByRef.put(ref, id);
        Map<String, String> r = new LinkedHashMap<>();
        r.put("referenceId", ref);
        r.put("id", id);
        results.add(r);
      } catch (SalesforceException e) {
        throw new SalesforceException(400, e.errorCode(), label + ": " + e.getMessage(), fields);
      } catch (RuntimeException e) {
        SalesforceException known = SqlStates.toSalesforce(e).orElseThrow(() -> e);
        throw new SalesforceException(
            400, known.errorCode(), label + ": " + known.getMessage(), fields);
      }
    }
    return results;
  }

  private static Map<String, JsonNode> values(JsonNode rec, Map<String, String> idsByRef) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    rec.fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().equals("attributes")) {
                return;
              }
              JsonNode v = e.getValue();
              if (v.isTextual()) {
                Matcher m = REFERENCE.matcher(v.asText());
                if (m.matches()) {
                  String id = idsByRef.get(m.group(1));
                  if (id == null) {
                    throw SalesforceException.badRequest(
                        ErrorCode.INVALID_CROSS_REFERENCE_KEY,
                        e.getKey()
                            + ": reference "
                            + v.asText()
                            + " does not name an earlier record of this body");
                  }
                  v = TextNode.valueOf(id);
                }
              }
              values.put(e.getKey(), v);
            });
    return values;
  }

  private static List<JsonNode> array(JsonNode body, String key) {
    JsonNode n = body.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw SalesforceException.badRequest(
          ErrorCode.JSON_PARSER_ERROR, "'" + key + "' must be a JSON array");
    }
    List<JsonNode> list = new ArrayList<>();
    n.forEach(list::add);
    return list;
  }
}
