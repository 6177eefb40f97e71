package dev.sfsim.simulator.http;

import io.javalin.config.JavalinState;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Javalin's router with its answers remembered per request path. Javalin finds a request's filters
 * and handler by trying every route of the kind in registration order against the path, a regular
 * expression each (about 4 % of a small query's CPU); for a given path the answer never changes
 * while the routes stay as registered, so the first answer is kept and reused. Same routes, same
 * order, same answers: only the matching is skipped. Registering a route forgets everything kept;
 * each kind keeps at most {@link #MAX_PATHS} paths (record ids make paths unbounded) and starts
 * over when full.
 */
final class RouteCache extends InternalRouter {
  static final int MAX_PATHS = 1024;

  /** Per kind of handler: its paths' answers (a few kinds, found by identity first). */
  private record Kind(
      HandlerType type,
      Map<String, List<ParsedEndpoint>> entries,
      Map<String, Optional<ParsedEndpoint>> first) {}

  private volatile Kind[] kinds = new Kind[0];

  private RouteCache(JavalinState state) {
    super(state.wsRouter, state.eventManager, state.router, state.jetty);
  }

  /**
   * Puts a cache in place of the server's router; call before any route, filter or handler is added
   * (they are added to the router in place when they are registered).
   */
  static void install(JavalinState state) {
    state.internalRouter = new RouteCache(state);
  }

  @Override
  public synchronized InternalRouter addHttpEndpoint(Endpoint endpoint) {
    InternalRouter router = super.addHttpEndpoint(endpoint);
    kinds = new Kind[0];
    return router;
  }

  @Override
  public List<ParsedEndpoint> findHttpHandlerEntries(
      HandlerType type, @Nullable String requestUri) {
    if (requestUri == null) {
      return super.findHttpHandlerEntries(type, null);
    }
    Map<String, List<ParsedEndpoint>> byPath = kind(type).entries();
    List<ParsedEndpoint> found = byPath.get(requestUri);
    if (found == null) {
      found = List.copyOf(super.findHttpHandlerEntries(type, requestUri));
      remember(byPath, requestUri, found);
    }
    return found;
  }

  @Override
  public @Nullable ParsedEndpoint findFirstHttpHandlerEntry(HandlerType type, String requestUri) {
    Map<String, Optional<ParsedEndpoint>> byPath = kind(type).first();
    Optional<ParsedEndpoint> found = byPath.get(requestUri);
    if (found == null) {
      found = Optional.ofNullable(super.findFirstHttpHandlerEntry(type, requestUri));
      remember(byPath, requestUri, found);
    }
    return found.orElse(null);
  }

  private Kind kind(HandlerType type) {
    for (Kind k : kinds) {
      if (k.type() == type) {
        return k;
      }
    }
    return addKind(type);
  }

  private synchronized Kind addKind(HandlerType type) {
    for (Kind k : kinds) {
      if (k.type().equals(type)) {
        return k;
      }
    }
    Kind k = new Kind(type, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    Kind[] more = java.util.Arrays.copyOf(kinds, kinds.length + 1);
    more[kinds.length] = k;
    kinds = more;
    return k;
  }

  private static <T> void remember(Map<String, T> byPath, String path, T found) {
    if (byPath.size() >= MAX_PATHS) {
      byPath.clear();
    }
    byPath.put(path, found);
  }
}
