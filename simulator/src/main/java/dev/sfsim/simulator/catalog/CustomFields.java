package dev.sfsim.simulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the user's custom field declarations ({@code SFSIM_CUSTOM_FIELDS}: a JSON document or the
 * path of one):
 *
 * <pre>
 * {"fields":[{"object":"Contact","fullName":"Preferred_Channels__c","type":"MultiselectPicklist",
 *                 "label":"Preferred Channels","values":["WhatsApp","SMS","Email"],"visibleLines":4}]}
 * </pre>
 *
 * Types are spelled as the Metadata API's CustomField {@code type} ("CustomField", Metadata API
 * Developer Guide): Text (length, default 255), TextArea, LongTextArea (length, default 32768),
 * Number, Currency and Percent (precision, scale), Checkbox (defaultValue), Date, DateTime, Email,
 * Phone, Url, Picklist and MultiselectPicklist (values). Optional: label, required, externalId and
 * unique (Text, Number, Email); description and visibleLines are accepted (metadata only, not in
 * describe). Every picklist is restricted. A bad entry fails the start with an {@link
 * IllegalArgumentException} naming it ({@code fields[2] (Lead.X__c)}).
 */
public final class CustomFields {
  /**
   * Salesforce's field name rule: a letter first, letters, digits and single underscores, not
   * ending in one.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)__c");

  private static final Set<String> KEYS =
      Set.of(
          "object",
          "fullName",
          "type",
          "label",
          "length",
          "precision",
          "scale",
          "values",
          "visibleLines",
          "required",
          "externalId",
          "unique",
          "defaultValue",
          "description");
  private static final Set<String> KEYABLE = Set.of("Text", "Number", "Email");

  /**
   * One declared field.
   *
   * @param object the sObject it belongs to, as written (the catalog checks it)
   * @param field the field, column {@code cf_<lower-case name>}
   * @param entry how errors name the entry, e.g. {@code fields[0] (Contact.Preferred_Channels__c)}
   */
  public record Definition(String object, SObjectField field, String entry) {}

  private CustomFields() {}

  /**
   * @param pathOrJson the JSON document itself (starting with <code>{</code>) or the path of a file
   *     holding it; null or blank: no custom fields
   * @throws IllegalArgumentException naming {@code SFSIM_CUSTOM_FIELDS} and the bad entry
   */
  public static List<Definition> read(@Nullable String pathOrJson) {
    if (pathOrJson == null || pathOrJson.isBlank()) {
      return List.of();
    }
    String text = pathOrJson.trim();
    if (!text.startsWith("{")) {
      try {
        text = Files.readString(Path.of(text));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "SFSIM_CUSTOM_FIELDS: cannot read " + text + ": " + e.getMessage());
      }
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "SFSIM_CUSTOM_FIELDS is not valid JSON: "
              + java.util.Objects.requireNonNullElse(e.getMessage(), "")
                  .lines()
                  .findFirst()
                  .orElse(""));
    }
    if (root == null || !root.path("fields").isArray()) {
      throw new IllegalArgumentException("SFSIM_CUSTOM_FIELDS must be {\"fields\":[...]}");
    }
    List<Definition> defs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < root.get("fields").size(); i++) {
      JsonNode n = root.get("fields").get(i);
      String entry =
          "fields["
              + i
              + "] ("
              + n.path("object").asText("?")
              + "."
              + n.path("fullName").asText("?")
              + ")";
      Definition d = definition(n, entry);
      if (!seen.add((d.object() + "." + d.field().name()).toLowerCase(Locale.ROOT))) {
        throw bad(entry, "declared twice");
      }
      defs.add(d);
    }
    return defs;
  }

  private static Definition definition(JsonNode n, String entry) {
    if (!n.isObject()) {
      throw bad(entry, "must be an object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw bad(entry, "unknown key '" + k + "' (known: " + new java.util.TreeSet<>(KEYS) + ")");
      }
    }
    String object = text(n, "object", entry);
    String name = text(n, "fullName", entry);
    if (!NAME.matcher(name).matches() || name.length() > 43) {
      throw bad(
          entry,
          "fullName must be a custom field name such as Order_Number__c (a letter first, letters, digits "
              + "and single underscores, at most 40 characters, then __c)");
    }
    String type = text(n, "type", entry);
    if (n.has("defaultValue") && !type.equals("Checkbox")) {
      throw bad(
          entry, "defaultValue is supported on a Checkbox only (see the README's limitations)");
    }
    FieldBuilder b =
        switch (type) {
          case "Text" -> FieldBuilder.text(name, number(n, "length", 255, 1, 255, entry));
          case "TextArea" -> FieldBuilder.field(name, FieldType.TEXTAREA).length(255);
          case "LongTextArea" ->
              FieldBuilder.field(name, FieldType.TEXTAREA)
                  .length(number(n, "length", 32768, 256, 131072, entry));
          case "Number" -> decimal(n, name, FieldType.DOUBLE, 0, entry);
          case "Currency" -> decimal(n, name, FieldType.CURRENCY, 2, entry);
          case "Percent" -> decimal(n, name, FieldType.PERCENT, 0, entry);
          case "Checkbox" ->
              FieldBuilder.field(name, FieldType.BOOLEAN)
                  .defaultValue(checkboxDefault(n, entry))
                  .required();
          case "Date" -> FieldBuilder.field(name, FieldType.DATE);
          case "DateTime" -> FieldBuilder.field(name, FieldType.DATETIME);
          case "Email" -> FieldBuilder.field(name, FieldType.EMAIL).length(80);
          case "Phone" -> FieldBuilder.field(name, FieldType.PHONE).length(40);
          case "Url" -> FieldBuilder.field(name, FieldType.URL).length(255);
          case "Picklist" ->
              FieldBuilder.field(name, FieldType.PICKLIST).length(255).values(values(n, entry));
          case "MultiselectPicklist" -> {
            number(n, "visibleLines", 4, 3, 10, entry);
            yield FieldBuilder.field(name, FieldType.MULTIPICKLIST)
                .length(4099)
                .values(values(n, entry));
          }
          default ->
              throw bad(
                  entry,
                  "unknown type '"
                      + type
                      + "' (known: Text, TextArea, LongTextArea, Number, Currency, "
                      + "Percent, Checkbox, Date, DateTime, Email, Phone, Url, Picklist, MultiselectPicklist)");
        };
    b.custom()
        .label(
            n.hasNonNull("label")
                ? text(n, "label", entry)
                : name.substring(0, name.length() - 3).replace('_', ' '));
    if (flag(n, "required", entry)) {
      if (type.equals("Checkbox")) {
        throw bad(entry, "a Checkbox cannot be required");
      }
      b.required();
    }
    boolean externalId = flag(n, "externalId", entry);
    boolean unique = flag(n, "unique", entry);
    if ((externalId || unique) && !KEYABLE.contains(type)) {
      throw bad(entry, "externalId and unique apply to Text, Number and Email only");
    }
    if (externalId) {
      b.externalId();
    }
    if (unique) {
      b.unique();
    }
    return new Definition(object, b.build("cf_" + name.toLowerCase(Locale.ROOT)), entry);
  }

  private static FieldBuilder decimal(
      JsonNode n, String name, FieldType type, int defaultScale, String entry) {
    int precision = number(n, "precision", 18, 1, 18, entry);
    int scale = number(n, "scale", Math.min(defaultScale, precision), 0, precision, entry);
    return FieldBuilder.field(name, type).digits(precision, scale);
  }

  private static String checkboxDefault(JsonNode n, String entry) {
    JsonNode v = n.get("defaultValue");
    if (v == null || v.isNull()) {
      return "false";
    }
    if (!v.isBoolean()) {
      throw bad(entry, "defaultValue of a Checkbox must be true or false");
    }
    return Boolean.toString(v.booleanValue());
  }

  private static List<String> values(JsonNode n, String entry) {
    JsonNode v = n.get("values");
    if (v == null || !v.isArray() || v.isEmpty()) {
      throw bad(entry, "values must be a non-empty array of strings");
    }
    List<String> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode value : v) {
      if (!value.isTextual()
          || value.asText().isBlank()
          || value.asText().contains(";")
          || value.asText().length() > 255) {
        throw bad(
            entry,
            "each value must be a non-blank string of at most 255 characters without ';', was "
                + value);
      }
      if (!seen.add(value.asText().toLowerCase(Locale.ROOT))) {
        throw bad(entry, "value '" + value.asText() + "' is listed twice");
      }
      values.add(value.asText());
    }
    return values;
  }

  private static String text(JsonNode n, String key, String entry) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw bad(entry, key + " must be a non-blank string");
    }
    return v.asText();
  }

  private static int number(JsonNode n, String key, int dflt, int min, int max, String entry) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isInt() || v.intValue() < min || v.intValue() > max) {
      throw bad(entry, key + " must be a whole number from " + min + " to " + max);
    }
    return v.intValue();
  }

  private static boolean flag(JsonNode n, String key, String entry) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw bad(entry, key + " must be true or false");
    }
    return v.booleanValue();
  }

  static IllegalArgumentException bad(String entry, String problem) {
    return new IllegalArgumentException("SFSIM_CUSTOM_FIELDS " + entry + ": " + problem);
  }
}
