package dev.sfsim.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.messaging.MessagingComponent;
import dev.sfsim.simulator.org.SalesforceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses and validates one {@code messagingComponents[]} entry of a fixtures body. */
final class ComponentFixtures {
  private ComponentFixtures() {}

  /**
   * @throws SalesforceException 400 naming the component and the problem, {@code fields} =
   *     [developerName]
   */
  static MessagingComponent parse(JsonNode c) {
    String name = c.path("developerName").asText("");
    List<String> fields = List.of(name.isEmpty() ? "developerName" : name);
    if (name.isEmpty()) {
      throw error(
          "REQUIRED_FIELD_MISSING", "messaging component: developerName is required", fields);
    }
    String type = c.path("componentType").asText("Notification");
    if (!MessagingComponent.COMPONENT_TYPES.contains(type)) {
      throw error(
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          "messaging component '"
              + name
              + "': bad componentType: "
              + type
              + " (expected one of "
              + String.join(", ", MessagingComponent.COMPONENT_TYPES.stream().sorted().toList())
              + ")",
          fields);
    }
    String text = c.path("text").asText("");
    if (text.isEmpty()) {
      throw error(
          "REQUIRED_FIELD_MISSING", "messaging component '" + name + "': text is required", fields);
    }
    List<MessagingComponent.Parameter> params = parameters(name, c.path("parameters"), fields);
    String template = c.path("externalTemplateStatus").asText("Approved");
    if (!MessagingComponent.TEMPLATE_STATUSES.contains(template)) {
      throw error(
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          "messaging component '"
              + name
              + "': bad externalTemplateStatus: "
              + template
              + " (expected Approved, Pending or Rejected)",
          fields);
    }
    return new MessagingComponent(
        name,
        c.path("masterLabel").asText(name),
        type,
        c.path("isActive").asBoolean(true),
        text,
        params,
        template);
  }

  private static List<MessagingComponent.Parameter> parameters(
      String name, JsonNode node, List<String> fields) {
    List<MessagingComponent.Parameter> params = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return params;
    }
    if (!node.isArray()) {
      throw error(
          "JSON_PARSER_ERROR",
          "messaging component '" + name + "': parameters must be an array",
          fields);
    }
    if (node.size() > MessagingComponent.MAX_PARAMETERS) {
      throw error(
          "INVALID_INPUT",
          "messaging component '"
              + name
              + "': at most "
              + MessagingComponent.MAX_PARAMETERS
              + " parameters",
          fields);
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode p : node) {
      String pname = p.path("name").asText("");
      String dataType = p.path("dataType").asText("Text");
      if (pname.isEmpty()) {
        throw error(
            "REQUIRED_FIELD_MISSING",
            "messaging component '" + name + "': parameter name is required",
            fields);
      }
      if (!seen.add(pname)) {
        throw error(
            "DUPLICATE_VALUE",
            "messaging component '" + name + "': duplicate parameter " + pname,
            fields);
      }
      if (!MessagingComponent.DATA_TYPES.contains(dataType)) {
        throw error(
            "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
            "messaging component '"
                + name
                + "': parameter "
                + pname
                + " has bad dataType: "
                + dataType
                + " (expected one of "
                + String.join(", ", MessagingComponent.DATA_TYPES)
                + ")",
            fields);
      }
      params.add(
          new MessagingComponent.Parameter(pname, dataType, p.path("required").asBoolean(false)));
    }
    return params;
  }

  private static SalesforceException error(String code, String message, List<String> fields) {
    return SalesforceException.badRequest(code, message, fields);
  }
}
