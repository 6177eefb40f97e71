package dev.sfsim.testcontainers.admin;

/**
 * An admin or API call the simulator refused: the HTTP status and the body it answered
 * (Salesforce's error shape).
 */
public final class SimulatorAdminException extends RuntimeException {
  private final int status;
  private final String body;

  public SimulatorAdminException(String call, int status, String body) {
    super(call + " answered " + status + ": " + body);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }
}
