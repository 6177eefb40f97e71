package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.http.ErrorRenderer;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.persistence.SqlStates;
import java.util.Map;

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

  /** The per-record error of sObject Collections and tree ({@link ErrorRenderer#recordError}). */
  public static ErrorRenderer.RecordError recordError(SalesforceException e) {
    return ErrorRenderer.recordError(e);
  }

  /**
   * A composite subrequest's error response: its status and the one-element error array ({@link
   * ErrorRenderer#subrequestError}).
   */
  public static ApiResponse response(SalesforceException e) {
    return new ApiResponse(e.status(), Map.of(), ErrorRenderer.subrequestError(e));
  }
}
