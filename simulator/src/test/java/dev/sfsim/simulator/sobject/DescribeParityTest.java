package dev.sfsim.simulator.sobject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.TestSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalog's describe ({@code GET /services/data/vNN.N/sobjects/X/describe}, through the wire)
 * equals a real org's, field by field: every attribute the reference data under {@code
 * reference-describe/} knows, every field it lists, no field it does not list, and each field's
 * first API version. Each remaining difference must be in {@code reference-describe/allow-list.tsv}
 * with its reason, and every allow-list line must still name a difference.
 */
class DescribeParityTest {
  private static final List<String> OBJECTS =
      List.of(
          "MessagingChannel",
          "MessagingEndUser",
          "MessagingSession",
          "ConversationEntry",
          "ConvMessageSendRequest",
          "CommSubscription",
          "CommSubscriptionChannelType",
          "CommSubscriptionConsent",
          "MessagingDeliveryError");
  private static final List<String> COMPARED =
      List.of(
          "label",
          "type",
          "length",
          "nillable",
          "createable",
          "updateable",
          "filterable",
          "groupable",
          "sortable",
          "defaultedOnCreate");
  private static final double NEWEST = 66.0;

  @Test
  void theCatalogDescribesWhatARealOrgDescribes() {
    Set<String> differences = new LinkedHashSet<>();
    for (String object : OBJECTS) {
      differences.addAll(differences(object));
    }
    Map<String, String> allowed = allowList();
    List<String> unexplained =
        differences.stream().filter(d -> !allowed.containsKey(key(d))).toList();
    List<String> stale =
        allowed.keySet().stream()
            .filter(k -> differences.stream().noneMatch(d -> key(d).equals(k)))
            .toList();
    assertThat(unexplained)
        .as("differences from a real org's describe not in the allow-list")
        .isEmpty();
    assertThat(stale).as("allow-list lines that no longer name a difference").isEmpty();
  }

  private static List<String> differences(String object) {
    List<Map<String, String>> reference = reference(object);
    Map<String, Map<String, Object>> actual = describe(object, NEWEST);
    List<String> out = new ArrayList<>();
    Set<String> listed = new LinkedHashSet<>();
    for (Map<String, String> row : reference) {
      String field = row.get("field");
      listed.add(field);
      Map<String, Object> f = actual.get(field);
      if (f == null) {
        out.add(object + "." + field + "\tmissing\t" + row.get("source"));
        continue;
      }
      for (String attribute : COMPARED) {
        String expected = row.get(attribute);
        if (expected == null || expected.isEmpty()) {
          continue;
        }
        String got = String.valueOf(f.get(attribute));
        if (!expected.equals(got)) {
          out.add(
              object
                  + "."
                  + field
                  + "\t"
                  + attribute
                  + "\texpected "
                  + expected
                  + ", describe says "
                  + got);
        }
      }
      String since = row.get("since");
      if (since != null && !since.isEmpty()) {
        double v = Double.parseDouble(since);
        Map<String, Map<String, Object>> before = describe(object, v - 1);
        Map<String, Map<String, Object>> at = describe(object, v);
        if (before != null && before.containsKey(field)
            || at != null && !at.containsKey(field)) { // null: the object is newer
          out.add(object + "." + field + "\tsince\texpected first in v" + since);
        }
      }
    }
    for (String field : actual.keySet()) {
      if (!listed.contains(field)) {
        out.add(object + "." + field + "\textra\tnot in a real org's describe");
      }
    }
    return out;
  }

  private static String key(String difference) {
    String[] parts = difference.split("\t");
    return parts[0] + "\t" + parts[1];
  }

  /** The describe's fields by name; null when the object does not exist at that version. */
  private static Map<String, Map<String, Object>> describe(String object, double version) {
    var response =
        TestSimulator.api().get("/services/data/v" + version + "/sobjects/" + object + "/describe");
    Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
    if (response.statusCode() != 200) {
      return null;
    } // the object itself is newer
    List<Map<String, Object>> list = response.jsonPath().getList("fields");
    for (Map<String, Object> f : list) {
      fields.put((String) f.get("name"), f);
    }
    return fields;
  }

  /** One map per field row: column name to cell. */
  private static List<Map<String, String>> reference(String object) {
    List<String> lines = lines("/reference-describe/" + object + ".tsv");
    String[] header = lines.get(0).split("\t", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t", -1);
      assertThat(cells).as(object + ": " + line).hasSize(header.length);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  /** {@code Object.Field<TAB>attribute} to the reason the difference stays. */
  private static Map<String, String> allowList() {
    Map<String, String> allowed = new LinkedHashMap<>();
    for (String line : lines("/reference-describe/allow-list.tsv")) {
      String[] cells = line.split("\t", -1);
      assertThat(cells)
          .as("allow-list line needs Object.Field, attribute and reason: " + line)
          .hasSize(3);
      assertThat(cells[2]).as("reason of " + line).isNotBlank();
      allowed.put(cells[0] + "\t" + cells[1], cells[2]);
    }
    return allowed;
  }

  /** The file's lines without blank lines and {@code #} comments. */
  private static List<String> lines(String resource) {
    try (InputStream in = DescribeParityTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
