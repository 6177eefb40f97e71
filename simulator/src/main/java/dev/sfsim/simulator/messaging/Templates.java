package dev.sfsim.simulator.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a component's text: each {@code {!name}} becomes the value of that parameter, or nothing
 * when not given.
 */
final class Templates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{!([A-Za-z0-9_]+)}");

  private Templates() {}

  /**
   * @param parameters the invocation's {@code messagingDefinitionInputParameters}: objects with
   *     {@code name} and one value property ({@code textValue}, {@code numberValue}, ..., or a list
   *     form such as {@code textValues})
   */
  static String render(String text, JsonNode parameters) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(valueOf(parameters, m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String valueOf(JsonNode parameters, String name) {
    for (JsonNode p : parameters) {
      if (!name.equals(p.path("name").asText())) {
        continue;
      }
      var fields = p.fields();
      while (fields.hasNext()) {
        var e = fields.next();
        if (e.getKey().equals("name")) {
          continue;
        }
        JsonNode v = e.getValue();
        if (v.isArray()) {
          StringBuilder sb = new StringBuilder();
          v.forEach(x -> sb.append(sb.length() == 0 ? "" : ", ").append(x.asText()));
          return sb.toString();
        }
        return v.isNumber() ? v.numberValue().toString() : v.asText();
      }
    }
    return "";
  }
}
