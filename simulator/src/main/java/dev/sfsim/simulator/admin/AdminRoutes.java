package dev.sfsim.simulator.admin;

import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.ids.SalesforceIds;
import dev.sfsim.simulator.messaging.persistence.OutboxRepository;
import dev.sfsim.simulator.org.SalesforceException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The simulator-only endpoints of the admin API (contract: {@code GET /__admin/openapi.json}):
 * {@code GET /__admin/health} (200 {@code UP}, or 503 {@code DOWN} while the database does not
 * answer), {@code POST /__admin/fixtures}, {@code POST /__admin/reset}, {@code GET
 * /__admin/outbox}.
 */
public final class AdminRoutes {
  private static final Set<String> ID_FILTERS = Set.of("requestId", "messagingEndUserId");

  private final FixtureService fixtures;
  private final ResetService reset;
  private final OutboxRepository outbox;
  private final Map<String, Object> health;
  private final BooleanSupplier databaseUp;

  /**
   * @param databaseUp whether the database answers: {@code /__admin/health} is {@code DOWN} (503)
   *     when it does not
   */
  public AdminRoutes(
      FixtureService fixtures,
      ResetService reset,
      OutboxRepository outbox,
      String version,
      String databaseKind,
      BooleanSupplier databaseUp) {
    this.databaseUp = databaseUp;
    this.fixtures = fixtures;
    this.reset = reset;
    this.outbox = outbox;
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", "UP");
    h.put("version", version);
    h.put("database", databaseKind);
    this.health = Map.copyOf(h);
  }

  /** {@code GET /__admin/health}: 200, or 503 while the database is down. */
  public void health(Context ctx) {
    boolean up = databaseUp.getAsBoolean();
    ctx.status(up ? 200 : 503).json(orderedHealth(up));
  }

  /** {@code POST /__admin/reset}: 204. */
  public void reset(Context ctx) {
    reset.reset();
    ctx.status(204);
  }

  private Map<String, Object> orderedHealth(boolean up) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", up ? "UP" : "DOWN");
    m.put("version", health.get("version"));
    m.put("database", health.get("database"));
    return m;
  }

  public void loadFixtures(Context ctx) {
    FixtureService.Result r = fixtures.load(Json.parse(ctx.body()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("results", r.results());
    body.put("messagingComponents", r.messagingComponents());
    ctx.status(201).json(body);
  }

  public void listOutbox(Context ctx) {
    Map<String, String> filters = new LinkedHashMap<>();
    for (String name : ctx.queryParamMap().keySet()) {
      if (!OutboxRepository.FILTERS.containsKey(name)) {
        throw SalesforceException.badRequest(
            "INVALID_FIELD",
            "Unknown outbox filter '"
                + name
                + "'. Filters: requestId, messagingEndUserId, messagingPlatformKey, status.");
      }
      String value = ctx.queryParam(name);
      if (ID_FILTERS.contains(name)) {
        value =
            SalesforceIds.parse(value)
                .orElseThrow(
                    () ->
                        SalesforceException.badRequest(
                            "MALFORMED_ID",
                            name + ": id value of incorrect type: " + ctx.queryParam(name),
                            java.util.List.of(name)));
      }
      filters.put(name, value);
    }
    ctx.json(Map.of("messages", outbox.list(filters)));
  }
}
