package dev.sfsim.simulator.sobject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.org.ApiVersion;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Record bodies: a JSON object whose keys are fields existing at the request's version. */
public final class Bodies {
  private Bodies() {}

  /**
   * @throws SalesforceException 400 {@code JSON_PARSER_ERROR} when the body is not a JSON object
   */
  public static JsonNode object(@Nullable String body) {
    JsonNode node = Json.parse(body);
    if (!node.isObject()) {
      throw SalesforceException.badRequest(
          ErrorCode.JSON_PARSER_ERROR,
          "Can not deserialize SObject out of "
              + (node.isArray() ? "START_ARRAY" : "VALUE")
              + " token at [line:1, column:1]");
    }
    return node;
  }

  /**
   * The fields of a record object ({@code attributes} left out).
   *
   * @throws SalesforceException 400 {@code INVALID_FIELD} "No such column 'X' on sobject of type T"
   *     for a field that does not exist at the version
   */
  public static Map<String, JsonNode> fields(
      SObjectType type, JsonNode record, ApiVersion version) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = record.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("attributes")) {
        continue;
      }
      if (type.field(e.getKey(), version.value()).isEmpty()) {
        throw SalesforceException.badRequest(
            ErrorCode.INVALID_FIELD,
            "No such column '" + e.getKey() + "' on sobject of type " + type.name());
      }
      values.put(e.getKey(), e.getValue());
    }
    return values;
  }
}
