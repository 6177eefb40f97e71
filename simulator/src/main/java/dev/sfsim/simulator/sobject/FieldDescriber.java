package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.catalog.FieldType;
import dev.sfsim.simulator.catalog.SObjectField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of describe's {@code fields} array with every key of a real entry
 * ("DescribeSObjectResult Field", SOAP API Developer Guide), alphabetical as Salesforce writes
 * them; values come from the catalog.
 */
final class FieldDescriber {
  private FieldDescriber() {}

  static Map<String, Object> describe(SObjectField f) {
    FieldType t = f.type();
    boolean text = t.isText() && !t.isId();
    boolean textArea = t == FieldType.TEXTAREA;
    boolean multi = t == FieldType.MULTIPICKLIST;
    boolean custom = f.attributes().custom();
    int precision = !t.isDecimal() ? 0 : custom ? f.attributes().precision() : 18;
    int scale = !t.isDecimal() ? 0 : custom ? f.attributes().scale() : 2;
    int length = t.isId() ? 18 : text ? f.length() : 0;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("aggregatable", !textArea && !multi);
    m.put("autoNumber", f.attributes().autoNumber());
    m.put("byteLength", t.isId() ? 18 : length * 3);
    m.put("calculated", false);
    m.put("calculatedFormula", null);
    m.put("cascadeDelete", false);
    m.put("caseSensitive", false);
    m.put("compoundFieldName", null);
    m.put("controllerName", null);
    m.put("createable", f.createable());
    m.put("custom", custom);
    m.put(
        "defaultValue",
        f.type() == FieldType.BOOLEAN ? (Object) Boolean.parseBoolean(f.defaultValue()) : null);
    m.put("defaultValueFormula", null);
    m.put("defaultedOnCreate", f.defaultedOnCreate());
    m.put("dependentPicklist", false);
    m.put("deprecatedAndHidden", false);
    m.put("digits", t == FieldType.INT ? 9 : 0);
    m.put("displayLocationInDecimal", false);
    m.put("encrypted", false);
    m.put("externalId", f.attributes().externalId());
    m.put("extraTypeInfo", t == FieldType.TEXTAREA ? "plaintextarea" : null);
    m.put("filterable", !textArea || (custom && f.length() <= 255));
    m.put("filteredLookupInfo", null);
    m.put("groupable", !textArea && !multi && !t.isDecimal() && t != FieldType.DATETIME);
    m.put("highScaleNumber", false);
    m.put("htmlFormatted", false);
    m.put("idLookup", f.attributes().idLookup());
    m.put("inlineHelpText", null);
    m.put("label", f.label());
    m.put("length", length);
    m.put("mask", null);
    m.put("maskType", null);
    m.put("name", f.name());
    m.put("nameField", f.attributes().nameField());
    m.put("namePointing", f.referenceTo().size() > 1);
    m.put("nillable", f.nillable());
    m.put("permissionable", f.nillable() && f.updateable());
    m.put("picklistValues", picklist(f));
    m.put("polymorphicForeignKey", f.referenceTo().size() > 1);
    m.put("precision", precision);
    m.put("queryByDistance", false);
    m.put("referenceTargetField", null);
    m.put("referenceTo", f.referenceTo());
    m.put("relationshipName", f.relationshipName());
    m.put("relationshipOrder", null);
    m.put("restrictedDelete", false);
    m.put("restrictedPicklist", t == FieldType.PICKLIST || multi);
    m.put("scale", scale);
    m.put("searchPrefilterable", false);
    m.put("soapType", t.soapType());
    m.put("sortable", !textArea && !multi);
    m.put("type", t.describeName());
    m.put("unique", f.attributes().unique());
    m.put("updateable", f.updateable());
    m.put("writeRequiresMasterRead", false);
    return m;
  }

  /** {@code {"active":true,"defaultValue":…,"label":v,"validFor":null,"value":v}} per value. */
  private static List<Map<String, Object>> picklist(SObjectField f) {
    List<Map<String, Object>> values = new ArrayList<>();
    for (String v : f.picklistValues()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("active", true);
      m.put("defaultValue", v.equals(f.defaultValue()));
      m.put("label", f.picklistLabel(v));
      m.put("validFor", null);
      m.put("value", v);
      values.add(m);
    }
    return values;
  }
}
