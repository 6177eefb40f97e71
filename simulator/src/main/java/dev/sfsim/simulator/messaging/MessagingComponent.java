package dev.sfsim.simulator.messaging;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A messaging component (Setup metadata in a real org, "Messaging Components" in Salesforce Help),
 * seeded through {@code /__admin/fixtures}. Only active {@code Notification} components may be sent
 * by {@code sendConversationMessages}.
 *
 * @param developerName API name the action's {@code messageDefinitionName} refers to
 * @param masterLabel label
 * @param componentType {@code Notification}, {@code Text}, {@code Form}, ...
 * @param active whether the component is active
 * @param text body template with {@code {!parameterName}} placeholders
 * @param parameters at most 5 parameters ("reference up to 5 custom parameters on the selected
 *     messaging component", Flow's Send Conversation Messages help: a limit of the component,
 *     checked when it is seeded)
 * @param externalTemplateStatus status of the component's external (WhatsApp) template: {@code
 *     Approved}, {@code Pending} or {@code Rejected}; a WhatsApp send needs {@code Approved}
 */
public record MessagingComponent(
    String developerName,
    String masterLabel,
    String componentType,
    boolean active,
    String text,
    List<Parameter> parameters,
    String externalTemplateStatus) {

  /**
   * Parameter data types and the value property of the action's parameter objects that carries
   * each.
   */
  public static final List<String> DATA_TYPES =
      List.of("Text", "RecordId", "Date", "DateTime", "Number", "Boolean");

  public static final Set<String> COMPONENT_TYPES =
      Set.of("Notification", "Text", "Form", "AutoResponse", "Options", "Payment", "TimeSelector");
  public static final int MAX_PARAMETERS = 5;
  public static final Set<String> TEMPLATE_STATUSES = Set.of("Approved", "Pending", "Rejected");

  public MessagingComponent {
    parameters = List.copyOf(parameters);
  }

  /**
   * @param name parameter name as used in {@code {!name}}
   * @param dataType one of {@link #DATA_TYPES}
   * @param required whether every invocation must give a value
   */
  public record Parameter(String name, String dataType, boolean required) {
    /** The value property for this type, e.g. {@code textValue}. */
    public String valueProperty() {
      return Character.toLowerCase(dataType.charAt(0)) + dataType.substring(1) + "Value";
    }
  }

  public Optional<Parameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
