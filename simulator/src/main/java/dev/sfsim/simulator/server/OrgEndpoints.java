package dev.sfsim.simulator.server;

import io.javalin.config.JavalinState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One org's route table: the handlers its route classes register, recorded (not served) so that
 * {@link OrgRouter} can hand each request to the handler of the org it belongs to. The route
 * classes stay unaware of orgs: they register on a {@link RoutesConfig} as they would on the
 * server.
 */
public final class OrgEndpoints {
  private final Map<String, Handler> handlers;
  private final List<Endpoint> endpoints;

  private OrgEndpoints(List<Endpoint> endpoints) {
    this.endpoints = List.copyOf(endpoints);
    // Several filters may share a method and path (e.g. two BEFORE filters on /services/data/*):
    // keep them all, in order.
    Map<String, List<Handler>> byKey = new LinkedHashMap<>();
    for (Endpoint e : endpoints) {
      byKey.computeIfAbsent(key(e.method, e.path), k -> new ArrayList<>()).add(e.handler);
    }
    Map<String, Handler> m = new LinkedHashMap<>();
    byKey.forEach(
        (k, list) ->
            m.put(
                k,
                list.size() == 1
                    ? list.get(0)
                    : ctx -> {
                      for (Handler h : list) {
                        h.handle(ctx);
                      }
                    }));
    this.handlers = Map.copyOf(m);
  }

  /**
   * Runs the registrations against a private, never started route table and keeps what they
   * registered.
   */
  @SafeVarargs
  public static OrgEndpoints record(Consumer<RoutesConfig>... registrations) {
    JavalinState state = new JavalinState();
    RoutesConfig routes = new RoutesConfig(state);
    for (Consumer<RoutesConfig> r : registrations) {
      r.accept(routes);
    }
    return new OrgEndpoints(
        state.internalRouter.allHttpHandlers().stream().map(p -> p.endpoint).toList());
  }

  /** Every endpoint, in registration order (filters included). */
  List<Endpoint> endpoints() {
    return endpoints;
  }

  /** The handler registered for this method and path pattern, or null. */
  @Nullable Handler handler(HandlerType method, String path) {
    return handlers.get(key(method, path));
  }

  private static String key(HandlerType method, String path) {
    return method.name() + " " + path;
  }
}
