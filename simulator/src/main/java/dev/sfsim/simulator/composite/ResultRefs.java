package dev.sfsim.simulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Answers of earlier composite subrequests by {@code referenceId}, and the substitution of
 * {@code @{ref.path}} ({@code @{refAccount.id}}, {@code @{refQuery.records[0].Id}}) in urls and
 * bodies.
 */
final class ResultRefs {
  private static final Pattern REF = Pattern.compile("@\\{([A-Za-z0-9_]+)\\.([^}]+)}");
  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
  private final Map<String, Object> bodies = new HashMap<>();

  /**
   * Keeps a subrequest's answer; typed answers (records such as {@link
   * dev.sfsim.simulator.sobject.SaveResult}, JSON trees) are kept as the maps and lists of their
   * JSON form, so references walk one shape.
   */
  void put(@Nullable String referenceId, @Nullable Object body) {
    bodies.put(
        referenceId,
        body == null || body instanceof Map || body instanceof List
            ? body
            : Json.MAPPER.convertValue(body, Object.class));
  }

  String resolve(String text) {
    if (text == null || !text.contains("@{")) {
      return text;
    }
    Matcher m = REF.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(1), m.group(2))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  @Nullable JsonNode resolve(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(resolve(node.textValue()));
    }
    if (node instanceof ObjectNode o) {
      ObjectNode copy = o.objectNode();
      o.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue())));
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = a.arrayNode();
      a.forEach(e -> copy.add(resolve(e)));
      return copy;
    }
    return node;
  }

  private String value(String ref, String path) {
    Object current = bodies.get(ref);
    boolean known = bodies.containsKey(ref);
    for (String part : path.split("\\.")) {
      Matcher m = STEP.matcher(part);
      if (!known || !m.matches()) {
        return fail(ref, path);
      }
      current = current instanceof Map<?, ?> map ? map.get(m.group(1)) : null;
      String indexes = m.group(2);
      for (String ix :
          indexes.isEmpty()
              ? new String[0]
              : indexes.substring(1, indexes.length() - 1).split("]\\[")) {
        // an index past any list (even past int's range) has no value, as a too-large in-range one
        long i = ix.length() > 10 ? Long.MAX_VALUE : Long.parseLong(ix);
        current = current instanceof List<?> l && i < l.size() ? l.get((int) i) : null;
      }
    }
    if (current == null || current instanceof Map || current instanceof List) {
      return fail(ref, path);
    }
    return current.toString();
  }

  private static String fail(String ref, String path) {
    throw new SalesforceException(
        400,
        ErrorCode.PROCESSING_HALTED,
        "Invalid reference specified. No value for " + ref + "." + path + " found in " + ref + ".");
  }
}
