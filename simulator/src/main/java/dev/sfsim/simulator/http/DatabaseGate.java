package dev.sfsim.simulator.http;

import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.util.function.BooleanSupplier;

/**
 * While the database does not answer, every call but {@code /__admin/health} answers at once with
 * Salesforce's 503 ("The server is unavailable to handle the request", "Status Codes and Error
 * Responses", REST API Developer Guide; error code {@code SERVER_UNAVAILABLE}) instead of waiting
 * for a connection that will not come and failing with 500.
 */
public final class DatabaseGate {
  private final BooleanSupplier databaseUp;

  public DatabaseGate(BooleanSupplier databaseUp) {
    this.databaseUp = databaseUp;
  }

  /** The 503 a call gets while the database is down. */
  public static SalesforceException unavailable() {
    return new SalesforceException(
        503,
        "SERVER_UNAVAILABLE",
        "The server is unavailable to handle the request: its database does not answer.");
  }

  /** Before every request: 503 while the database is down, except for the health check. */
  public void check(Context ctx) {
    if (!databaseUp.getAsBoolean() && !ctx.path().equals("/__admin/health")) {
      throw unavailable();
    }
  }
}
