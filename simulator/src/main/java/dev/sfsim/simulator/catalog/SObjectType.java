package dev.sfsim.simulator.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One sObject of the simulated org: what describe says of it and where its records live.
 *
 * @param name API name, e.g. {@code ConvMessageSendRequest}
 * @param label singular label
 * @param labelPlural plural label
 * @param keyPrefix three-character id prefix, e.g. {@code 0PA}
 * @param table PostgreSQL table holding the records
 * @param sinceVersion first API version in which the object exists
 * @param supportedCalls Salesforce's "Supported Calls" of the object reference page
 * @param fields fields in describe order
 * @param autoNumberFormat display format of an auto-number {@code Name}, e.g. {@code
 *     MSJ-{00000000}}; null if none
 * @param fieldsByLowerName derived index (lower-case API name to field); pass {@code Map.of()}, it
 *     is rebuilt
 */
public record SObjectType(
    String name,
    String label,
    String labelPlural,
    String keyPrefix,
    String table,
    double sinceVersion,
    Set<SupportedCall> supportedCalls,
    List<SObjectField> fields,
    @Nullable String autoNumberFormat,
    Map<String, SObjectField> fieldsByLowerName) {

  public SObjectType {
    supportedCalls = Set.copyOf(supportedCalls);
    fields = List.copyOf(fields);
    Map<String, SObjectField> m = new LinkedHashMap<>();
    for (SObjectField f : fields) {
      m.put(f.name().toLowerCase(Locale.ROOT), f);
    }
    fieldsByLowerName = Map.copyOf(m);
  }

  public SObjectType(
      String name,
      String label,
      String labelPlural,
      String keyPrefix,
      String table,
      double sinceVersion,
      Set<SupportedCall> supportedCalls,
      List<SObjectField> fields,
      @Nullable String autoNumberFormat) {
    this(
        name,
        label,
        labelPlural,
        keyPrefix,
        table,
        sinceVersion,
        supportedCalls,
        fields,
        autoNumberFormat,
        Map.of());
  }

  /** Looks a field up case-insensitively, as SOQL and the REST API do. */
  public Optional<SObjectField> field(String apiName) {
    return Optional.ofNullable(fieldsByLowerName.get(apiName.toLowerCase(Locale.ROOT)));
  }

  /** Looks a field up case-insensitively among those existing at {@code apiVersion}. */
  public Optional<SObjectField> field(String apiName, double apiVersion) {
    return field(apiName).filter(f -> f.existsIn(apiVersion));
  }

  /** Looks a parent relationship up case-insensitively by its relationship name. */
  public Optional<SObjectField> relationship(String relationshipName) {
    String key = relationshipName.toLowerCase(Locale.ROOT);
    return fields.stream()
        .filter(
            f ->
                f.relationshipName() != null
                    && f.relationshipName().toLowerCase(Locale.ROOT).equals(key))
        .findFirst();
  }

  /** Fields that exist at {@code apiVersion}, in describe order. */
  public List<SObjectField> fieldsIn(double apiVersion) {
    return fields.stream().filter(f -> f.existsIn(apiVersion)).toList();
  }

  /** Whether the object exists at the given API version. */
  public boolean existsIn(double apiVersion) {
    return apiVersion >= sinceVersion;
  }

  public boolean supports(SupportedCall call) {
    return supportedCalls.contains(call);
  }
}
