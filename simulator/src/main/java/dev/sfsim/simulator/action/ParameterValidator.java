package dev.sfsim.simulator.action;

import static dev.sfsim.simulator.action.SendInputValidator.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.messaging.MessagingComponent;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Checks {@code messagingDefinitionInputParameters} against the component: at most 5, each with a
 * {@code name} the component declares and exactly one value property matching its data type ({@code
 * textValue} or {@code textValues} for {@code Text}, ...; Apex {@code
 * RichMessaging.MessageDefinitionInputParameter}), and every required parameter given.
 */
final class ParameterValidator {
  private ParameterValidator() {}

  /**
   * @return the parameters as given (an empty array when absent)
   */
  static JsonNode validate(MessagingComponent component, JsonNode parameters) {
    if (parameters.isMissingNode() || parameters.isNull()) {
      parameters = Json.MAPPER.createArrayNode();
    }
    if (!parameters.isArray()) {
      throw invalid("messagingDefinitionInputParameters must be a list of parameter objects.");
    }
    Set<String> given = new HashSet<>();
    for (JsonNode p : parameters) {
      String name = p.path("name").asText("");
      if (name.isEmpty()) {
        throw invalid("Each messaging definition input parameter needs a name.");
      }
      MessagingComponent.Parameter declared =
          component
              .parameter(name)
              .orElseThrow(
                  () ->
                      invalid(
                          "The messaging component "
                              + component.developerName()
                              + " has no parameter named "
                              + name
                              + "."));
      if (!given.add(name)) {
        throw invalid("The parameter " + name + " is given more than once.");
      }
      checkValueProperty(declared, p);
    }
    for (MessagingComponent.Parameter declared : component.parameters()) {
      if (declared.required() && !given.contains(declared.name())) {
        throw SendInputValidator.missing("messagingDefinitionInputParameters." + declared.name());
      }
    }
    return parameters;
  }

  private static void checkValueProperty(MessagingComponent.Parameter declared, JsonNode p) {
    String single = declared.valueProperty();
    String list = single + "s";
    int values = 0;
    for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equals("name")) {
        continue;
      }
      if (!key.equals(single) && !key.equals(list)) {
        throw invalid(
            "The parameter "
                + declared.name()
                + " is of type "
                + declared.dataType()
                + " and takes "
                + single
                + " or "
                + list
                + ", not "
                + key
                + ".");
      }
      values++;
    }
    if (values != 1) {
      throw invalid(
          "The parameter "
              + declared.name()
              + " needs exactly one value ("
              + single
              + " or "
              + list
              + ").");
    }
  }
}
