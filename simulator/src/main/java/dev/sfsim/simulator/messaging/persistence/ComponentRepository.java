package dev.sfsim.simulator.messaging.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.sfsim.simulator.messaging.MessagingComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/** Stores messaging components in {@code messaging_component}; parameters as a JSON array. */
public final class ComponentRepository {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads a parameters array; made once (its type resolved once, not at every send). */
  private static final ObjectReader PARAMETERS =
      MAPPER.readerFor(new TypeReference<List<MessagingComponent.Parameter>>() {});

  /** Inserts the component, replacing one of the same developer name. */
  public void upsert(Handle h, MessagingComponent c) {
    h.createUpdate(
            """
                        INSERT INTO messaging_component (developer_name, master_label,
                            component_type, is_active, body_text, parameters,
                            external_template_status)
                        VALUES (:name, :label, :type, :active, :text, CAST(:params AS jsonb), :template)
                        ON CONFLICT (developer_name) DO UPDATE SET master_label = EXCLUDED.master_label,
                            component_type = EXCLUDED.component_type, is_active = EXCLUDED.is_active,
                            body_text = EXCLUDED.body_text, parameters = EXCLUDED.parameters,
                            external_template_status = EXCLUDED.external_template_status""")
        .bind("name", c.developerName())
        .bind("label", c.masterLabel())
        .bind("type", c.componentType())
        .bind("active", c.active())
        .bind("text", c.text())
        .bind("params", toJson(c.parameters()))
        .bind("template", c.externalTemplateStatus())
        .execute();
  }

  /** The component of developer name {@code :name} (columns as {@link #component} reads them). */
  static final String FIND =
      """
          SELECT developer_name, master_label, component_type, is_active, body_text, parameters::text,
              external_template_status
          FROM messaging_component WHERE developer_name = :name""";

  /** The component of that exact developer name. */
  public Optional<MessagingComponent> find(Handle h, String developerName) {
    return h.createQuery(FIND)
        .bind("name", developerName)
        .map((rs, ctx) -> component(rs))
        .findOne();
  }

  /** The component at the current row of a {@link #FIND} result. */
  static MessagingComponent component(ResultSet rs) throws SQLException {
    return new MessagingComponent(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getBoolean(4),
        rs.getString(5),
        fromJson(rs.getString(6)),
        rs.getString(7));
  }

  private static String toJson(List<MessagingComponent.Parameter> ps) {
    try {
      return MAPPER.writeValueAsString(ps);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parameters already read, by their exact JSON text: the key is the row's content, so a changed
   * component is a new key and never meets a stale value. Emptied when full.
   */
  private static final Map<String, List<MessagingComponent.Parameter>> PARSED =
      new ConcurrentHashMap<>();

  private static final int MAX_PARSED = 256;

  private static List<MessagingComponent.Parameter> fromJson(String json) {
    List<MessagingComponent.Parameter> known = PARSED.get(json);
    if (known != null) {
      return known;
    }
    List<MessagingComponent.Parameter> read = parse(json);
    if (PARSED.size() >= MAX_PARSED) {
      PARSED.clear();
    }
    PARSED.put(json, read);
    return read;
  }

  private static List<MessagingComponent.Parameter> parse(String json) {
    try {
      return java.util.Collections.unmodifiableList(
          PARAMETERS.<List<MessagingComponent.Parameter>>readValue(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt parameters of a messaging component: " + json, e);
    }
  }
}
