package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.ChildRelationship;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.catalog.SupportedCall;
import dev.sfsim.simulator.org.ApiVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * describeGlobal entries and full sObject describes from the catalog ("Describe Global", "sObject
 * Describe", REST API Developer Guide). Flags follow the object's supported calls, so describe and
 * runtime behaviour agree: {@code createable} iff create works, {@code replicateable} iff
 * updated/deleted work.
 */
final class Describer {
  private static final String MASTER_RECORD_TYPE = "012000000000000AAA";
  private final Catalog catalog;

  Describer(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * {@code {"encoding":"UTF-8","maxBatchSize":200,"sobjects":[…]}}: the objects existing at the
   * version.
   */
  Map<String, Object> global(ApiVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("encoding", "UTF-8");
    m.put("maxBatchSize", 200);
    m.put(
        "sobjects",
        catalog.all().stream().filter(t -> t.existsIn(v.value())).map(t -> entry(t, v)).toList());
    return m;
  }

  /** One describeGlobal entry (also {@code objectDescribe} of the basic information resource). */
  Map<String, Object> entry(SObjectType t, ApiVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activateable", false);
    m.put("associateEntityType", null);
    m.put("associateParentEntity", null);
    m.put("createable", t.supports(SupportedCall.CREATE));
    m.put("custom", false);
    m.put("customSetting", false);
    m.put("deepCloneable", false);
    m.put("deletable", t.supports(SupportedCall.DELETE));
    m.put("deprecatedAndHidden", false);
    m.put("feedEnabled", false);
    m.put("hasSubtypes", false);
    m.put("isInterface", false);
    m.put("isSubtype", false);
    m.put("keyPrefix", t.keyPrefix());
    m.put("label", t.label());
    m.put("labelPlural", t.labelPlural());
    m.put("layoutable", t.supports(SupportedCall.CREATE));
    m.put("mergeable", false);
    m.put("mruEnabled", t.supports(SupportedCall.SEARCH));
    m.put("name", t.name());
    m.put("queryable", t.supports(SupportedCall.QUERY));
    m.put("replicateable", t.supports(SupportedCall.GET_UPDATED));
    m.put("retrieveable", t.supports(SupportedCall.RETRIEVE));
    m.put("searchable", t.supports(SupportedCall.SEARCH));
    m.put("triggerable", t.supports(SupportedCall.CREATE));
    m.put("undeletable", t.supports(SupportedCall.UNDELETE));
    m.put("updateable", t.supports(SupportedCall.UPDATE));
    m.put("urls", urls(t, v, false));
    return m;
  }

  /**
   * The full describe: the entry's flags plus {@code fields}, {@code childRelationships}, {@code
   * recordTypeInfos}, …
   */
  Map<String, Object> describe(SObjectType t, ApiVersion v) {
    Map<String, Object> e = entry(t, v);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("actionOverrides", List.of());
    m.put("activateable", e.get("activateable"));
    m.put("associateEntityType", null);
    m.put("associateParentEntity", null);
    m.put("childRelationships", children(t, v));
    m.put("compactLayoutable", e.get("layoutable"));
    for (String k :
        List.of(
            "createable",
            "custom",
            "customSetting",
            "deepCloneable",
            "deletable",
            "deprecatedAndHidden",
            "feedEnabled")) {
      m.put(k, e.get(k));
    }
    List<Map<String, Object>> fields = new ArrayList<>();
    for (SObjectField f : t.fieldsIn(v.value())) {
      fields.add(FieldDescriber.describe(f));
    }
    m.put("fields", fields);
    m.put("hasSubtypes", false);
    m.put("implementsInterfaces", null);
    m.put("isInterface", false);
    m.put("isSubtype", false);
    m.put("keyPrefix", t.keyPrefix());
    m.put("label", t.label());
    m.put("labelPlural", t.labelPlural());
    m.put("layoutable", e.get("layoutable"));
    m.put("listviewable", null);
    m.put("lookupLayoutable", null);
    m.put("mergeable", false);
    m.put("mruEnabled", e.get("mruEnabled"));
    m.put("name", t.name());
    m.put("namedLayoutInfos", List.of());
    m.put("networkScopeFieldName", null);
    m.put("queryable", e.get("queryable"));
    m.put("recordTypeInfos", List.of(masterRecordType(t, v)));
    for (String k : List.of("replicateable", "retrieveable")) {
      m.put(k, e.get(k));
    }
    m.put("searchLayoutable", e.get("searchable"));
    m.put("searchable", e.get("searchable"));
    m.put("sobjectDescribeOption", "FULL");
    // label before name, as Salesforce writes it, on every start (Map.of's order varies by JVM)
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("label", "All " + t.labelPlural().toLowerCase(java.util.Locale.ROOT));
    scope.put("name", "everything");
    m.put("supportedScopes", List.of(scope));
    for (String k : List.of("triggerable", "undeletable", "updateable")) {
      m.put(k, e.get(k));
    }
    m.put("urls", urls(t, v, true));
    return m;
  }

  private List<Map<String, Object>> children(SObjectType t, ApiVersion v) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ChildRelationship c : catalog.childRelationships(t, v.value())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cascadeDelete", false);
      m.put("childSObject", c.childSObject());
      m.put("deprecatedAndHidden", false);
      m.put("field", c.field());
      m.put("junctionIdListNames", List.of());
      m.put("junctionReferenceTo", List.of());
      m.put("relationshipName", c.relationshipName());
      m.put("restrictedDelete", false);
      list.add(m);
    }
    return list;
  }

  private static Map<String, Object> masterRecordType(SObjectType t, ApiVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("active", true);
    m.put("available", true);
    m.put("defaultRecordTypeMapping", true);
    m.put("developerName", "Master");
    m.put("master", true);
    m.put("name", "Master");
    m.put("recordTypeId", MASTER_RECORD_TYPE);
    m.put(
        "urls",
        Map.of(
            "layout",
            v.basePath() + "/sobjects/" + t.name() + "/describe/layouts/" + MASTER_RECORD_TYPE));
    return m;
  }

  private static Map<String, Object> urls(SObjectType t, ApiVersion v, boolean full) {
    String base = v.basePath() + "/sobjects/" + t.name();
    Map<String, Object> m = new LinkedHashMap<>();
    if (full) {
      m.put("compactLayouts", base + "/describe/compactLayouts");
      m.put("rowTemplate", base + "/{ID}");
      m.put("defaultValues", base + "/defaultValues?recordTypeId&fields");
      m.put("describe", base + "/describe");
      m.put("quickActions", base + "/quickActions");
      m.put("layouts", base + "/describe/layouts");
      m.put("sobject", base);
      return m;
    }
    m.put("sobject", base);
    m.put("describe", base + "/describe");
    m.put("rowTemplate", base + "/{ID}");
    return m;
  }
}
