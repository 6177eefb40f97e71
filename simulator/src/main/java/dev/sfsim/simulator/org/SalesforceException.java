package dev.sfsim.simulator.org;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every failure the simulator answers with: Salesforce's {@code errorCode}, message, the fields it
 * names and the HTTP status. One renderer ({@code http.ErrorRenderer}) turns it into Salesforce's
 * REST error body {@code [{"message":…,"errorCode":…,"fields":[…]}]} ("Status Codes and Error
 * Responses", REST API Developer Guide).
 *
 * <p>Its parts: {@code status}, the HTTP status (4xx for client errors); {@code errorCode},
 * Salesforce's error code, e.g. {@code INVALID_FIELD}; {@code fields}, the field API names the
 * error is about ({@code null} leaves the {@code fields} key out).
 */
public final class SalesforceException extends RuntimeException {
  private final int status;
  private final String errorCode;
  private final @Nullable List<String> fields;

  public SalesforceException(
      int status, String errorCode, @Nullable String message, @Nullable List<String> fields) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.fields = fields == null ? null : List.copyOf(fields);
  }

  public SalesforceException(int status, String errorCode, @Nullable String message) {
    this(status, errorCode, message, null);
  }

  /** 400 with the given code and message, no {@code fields} key. */
  public static SalesforceException badRequest(String errorCode, @Nullable String message) {
    return new SalesforceException(400, errorCode, message);
  }

  /** 400 with the given code, message and fields. */
  public static SalesforceException badRequest(
      String errorCode, String message, List<String> fields) {
    return new SalesforceException(400, errorCode, message, fields);
  }

  /** 404 {@code NOT_FOUND} "The requested resource does not exist". */
  public static SalesforceException notFound() {
    return new SalesforceException(404, "NOT_FOUND", "The requested resource does not exist");
  }

  /** 401 {@code INVALID_SESSION_ID} "Session expired or invalid". */
  public static SalesforceException invalidSession() {
    return new SalesforceException(401, "INVALID_SESSION_ID", "Session expired or invalid");
  }

  /** 501 {@code NOT_SUPPORTED_BY_SIMULATOR} naming the feature that is not emulated. */
  public static SalesforceException notSupported(String feature) {
    return new SalesforceException(
        501,
        "NOT_SUPPORTED_BY_SIMULATOR",
        feature
            + " is not supported by the simulator (sfsim). See the README's limitations table.");
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }

  /** Field names, or {@code null} when the body should have no {@code fields} key. */
  public @Nullable List<String> fields() {
    return fields;
  }
}
