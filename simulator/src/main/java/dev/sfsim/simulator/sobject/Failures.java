package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.SqlStates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failed unit of a composite call into Salesforce's error shapes; unexpected failures are
 * rethrown.
 */
public final class Failures {
  private Failures() {}

  /** The Salesforce error of a failure caused by the request, or the failure itself rethrown. */
  public static SalesforceException of(RuntimeException e) {
    if (e instanceof SalesforceException s) {
      return s;
    }
    return SqlStates.toSalesforce(e).orElseThrow(() -> e);
  }

  /**
   * The REST error element as composite answers show it: {@code
   * {"errorCode","message"[,"fields"]}}.
   */
  static Map<String, Object> restError(SalesforceException e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("errorCode", e.errorCode());
    m.put("message", e.getMessage());
    if (e.fields() != null) {
      m.put("fields", e.fields());
    }
    return m;
  }

  /**
   * The per-record error of sObject Collections and tree: {@code
   * {"statusCode","message","fields"}}.
   */
  public static Map<String, Object> recordError(
      String statusCode, @Nullable String message, @Nullable List<String> fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statusCode", statusCode);
    m.put("message", message);
    m.put("fields", fields == null ? List.of() : fields);
    return m;
  }

  public static Map<String, Object> recordError(SalesforceException e) {
    return recordError(e.errorCode(), e.getMessage(), e.fields());
  }

  /** A REST error response (status and one-element error array). */
  public static ApiResponse response(SalesforceException e) {
    return new ApiResponse(e.status(), Map.of(), List.of(restError(e)));
  }
}
