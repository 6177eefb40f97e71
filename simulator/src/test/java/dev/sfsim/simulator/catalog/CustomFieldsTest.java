package dev.sfsim.simulator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.simulator.persistence.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SFSIM_CUSTOM_FIELDS} declarations: what a good one gives the catalog, and how a bad one
 * fails the start.
 */
class CustomFieldsTest {

  private static String one(String entry) {
    return "{\"fields\": [" + entry + "]}";
  }

  @Test
  void aDeclarationBecomesACustomFieldOfItsObject() {
    Catalog c =
        Catalog.standard()
            .withCustomFields(
                CustomFields.read(
                    one(
                        """
                {"object": "contact", "fullName": "Preferred_Channels__c", "type": "MultiselectPicklist",
                 "values": ["WhatsApp", "SMS"], "visibleLines": 4}""")));
    SObjectField f = c.find("Contact").orElseThrow().field("preferred_channels__c").orElseThrow();
    assertThat(f.name()).isEqualTo("Preferred_Channels__c");
    assertThat(f.label()).isEqualTo("Preferred Channels");
    assertThat(f.type()).isEqualTo(FieldType.MULTIPICKLIST);
    assertThat(f.column()).isEqualTo("cf_preferred_channels__c");
    assertThat(f.attributes().custom()).isTrue();
    assertThat(f.picklistValues()).containsExactly("WhatsApp", "SMS");
    assertThat(c.customFields()).hasSize(1);
    assertThat(Catalog.standard().customFields()).isEmpty();
  }

  @Test
  void badDeclarationsNameTheEntry() {
    assertBad(
        one("{\"object\": \"Contact\", \"fullName\": \"Channels\", \"type\": \"Text\"}"),
        "fields[0] (Contact.Channels): fullName must be a custom field name");
    assertBad(
        one("{\"object\": \"Contact\", \"fullName\": \"My__Field__c\", \"type\": \"Text\"}"),
        "fullName must be a custom field name");
    assertBad(
        one("{\"object\": \"Contact\", \"fullName\": \"A__c\", \"type\": \"Formula\"}"),
        "fields[0] (Contact.A__c): unknown type 'Formula'");
    assertBad(
        one("{\"object\": \"Contact\", \"fullName\": \"A__c\", \"type\": \"Picklist\"}"),
        "values must be a non-empty array");
    assertBad(
        one(
            "{\"object\": \"Contact\", \"fullName\": \"A__c\", \"type\": \"Picklist\", \"values\": [\"a;b\"]}"),
        "without ';'");
    assertBad(
        one(
            "{\"object\": \"Contact\", \"fullName\": \"A__c\", \"type\": \"Picklist\", \"values\": [\"x\"], \"externalId\": true}"),
        "externalId and unique apply to Text, Number and Email only");
    assertBad(
        one("{\"object\": \"Contact\", \"fullName\": \"A__c\", \"type\": \"Text\", \"lenght\": 3}"),
        "unknown key 'lenght'");
    assertBad(
        one(
            "{\"object\": \"Contact\", \"fullName\": \"A__c\", \"type\": \"Text\", \"length\": 300}"),
        "length must be a whole number from 1 to 255");
    assertBad(
        one(
            "{\"object\": \"Contact\", \"fullName\": \"A__c\", \"type\": \"Text\"}, {\"object\": \"contact\", \"fullName\": \"a__c\", \"type\": \"Date\"}"),
        "fields[1] (contact.a__c): declared twice");
    assertBad(
        one(
            "{\"object\": \"Contact\", \"fullName\": \"A__c\", \"type\": \"Text\", \"defaultValue\": \"x\"}"),
        "on a Checkbox only");
    assertBad("{\"fields\": {}}", "must be {\"fields\":[...]}");
    assertBad("{\"fields\": [", "not valid JSON");
    assertBad("/no/such/file.json", "cannot read /no/such/file.json");
    assertThatThrownBy(
            () ->
                Catalog.standard()
                    .withCustomFields(
                        CustomFields.read(
                            one(
                                "{\"object\": \"Invoice__c\", \"fullName\": \"A__c\", \"type\": \"Text\"}"))))
        .hasMessage("SFSIM_CUSTOM_FIELDS fields[0] (Invoice__c.A__c): unknown object 'Invoice__c'");
  }

  private static void assertBad(String config, String message) {
    assertThatThrownBy(() -> CustomFields.read(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("SFSIM_CUSTOM_FIELDS")
        .hasMessageContaining(message);
  }

  @Test
  void aBadDeclarationFailsTheStart() {
    SimulatorConfig config =
        SimulatorConfig.fromEnvironment(
            Map.of(
                "SFSIM_PORT",
                "0",
                "SFSIM_CUSTOM_FIELDS",
                one(
                    "{\"object\": \"Contact\", \"fullName\": \"Tier\", \"type\": \"Picklist\", \"values\": [\"A\"]}")));
    assertThatThrownBy(() -> Simulator.start(config))
        .hasMessageContaining("fields[0] (Contact.Tier)");
  }

  /**
   * A prepared data directory skips Flyway at the next start; the custom columns are added all the
   * same.
   */
  @Test
  void columnsAreAddedWhenAPreparedDirectorySkipsFlyway(@TempDir Path dir) {
    Database.embedded(dir).close();
    Catalog c =
        Catalog.standard()
            .withCustomFields(
                CustomFields.read(
                    one(
                        """
                {"object": "Lead", "fullName": "Order_Number__c", "type": "Text", "length": 40, "unique": true}""")));
    List<Database.ExtraColumn> columns =
        c.customFields().stream()
            .map(
                e ->
                    new Database.ExtraColumn(
                        e.getKey().table(),
                        e.getValue().column(),
                        e.getValue().type().sqlType(),
                        e.getValue().attributes().unique()))
            .toList();
    try (Database db = Database.embedded(dir, columns)) {
      int found =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT count(*) FROM information_schema.columns "
                                  + "WHERE table_schema = 'public' AND table_name = 'lead' AND column_name = 'cf_order_number__c'")
                          .mapTo(Integer.class)
                          .one());
      assertThat(found).isEqualTo(1);
    }
  }
}
