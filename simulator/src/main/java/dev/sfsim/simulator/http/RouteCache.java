package dev.sfsim.simulator.http;

import io.javalin.config.JavalinState;
import io.javalin.config.RouterConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Javalin's router, its routes parsed when first needed and its answers remembered per request
 * path. Same routes, same order, same answers as Javalin's own matching; what changes is when the
 * work is done:
 *
 * <ul>
 *   <li>Registering a route only records it. Javalin parses every route into regular expressions as
 *       it is registered and checks it against every route before it for a duplicate: about 30 ms
 *       of CPU for the simulator's 110 routes in a cold JVM, on a container start's critical path.
 *       Here a route is parsed (Javalin's own {@link ParsedEndpoint}) the first time a request path
 *       could match it, and a duplicate is found in a set.
 *   <li>A path "could match" a route when the route's leading literal segments are the path's (all
 *       of them, with as many segments, for a route of literals and {@code {param}}s only): a
 *       necessary condition of Javalin's expressions, which join the segments with slashes and
 *       escape literals. Javalin's {@link ParsedEndpoint#matches} then decides, with its {@code
 *       "*"} and same-path shortcuts before it, as Javalin's {@code PathMatcher} does. With
 *       case-insensitive routes every route is tried.
 *   <li>For a given path the answer never changes while the routes stay as registered, so the first
 *       answer is kept and reused (Javalin tries every route of the kind, an expression each, for
 *       each request: about 4 % of a small query's CPU). Registering a route forgets everything
 *       kept; each kind keeps at most {@link #MAX_PATHS} paths (record ids make paths unbounded)
 *       and starts over when full.
 * </ul>
 *
 * <p>Javalin's own table stays empty: {@link #allHttpHandlers()} (final) answers an empty list and
 * no handler-added event is fired, which only Javalin's route-overview and allowed-methods plugins
 * read; the simulator uses neither. A malformed route path throws Javalin's exception when a
 * request first reaches it, not when it is registered ({@code RouteCacheTest} parses them all).
 */
final class RouteCache extends InternalRouter {
  static final int MAX_PATHS = 1024;

  private final RouterConfig config;

  /** Per kind of handler, its routes in registration order (guarded by this). */
  private final Map<HandlerType, List<Route>> table = new java.util.HashMap<>();

  /** {@code "METHOD path"} of every HTTP route, for Javalin's duplicate check. */
  private final Set<String> httpRoutes = new HashSet<>();

  /**
   * Per kind of handler: its routes as registered when the kind was first asked for, and their
   * answers (a few kinds, found by identity first).
   */
  private record Kind(
      HandlerType type, Route[] routes, Map<String, List<ParsedEndpoint>> entries) {}

  private volatile Kind[] kinds = new Kind[0];

  private RouteCache(JavalinState state) {
    super(state.wsRouter, state.eventManager, state.router, state.jetty);
    this.config = state.router;
  }

  /**
   * Puts this router in place of the server's; call before any route, filter or handler is added
   * (they are added to the router in place when they are registered).
   */
  static void install(JavalinState state) {
    state.internalRouter = new RouteCache(state);
  }

  /**
   * Records a route (parsed when a request first reaches it).
   *
   * @throws IllegalArgumentException for a second route of the same HTTP method and path, with
   *     Javalin's message
   */
  @Override
  public synchronized InternalRouter addHttpEndpoint(Endpoint endpoint) {
    HandlerType type = endpoint.method;
    if (type.isHttpMethod() && !httpRoutes.add(type.name() + " " + endpoint.path)) {
      throw new IllegalArgumentException(
          "Handler with type='" + type + "' and path='" + endpoint.path + "' already exists.");
    }
    table.computeIfAbsent(type, t -> new ArrayList<>()).add(new Route(endpoint));
    kinds = new Kind[0];
    return this;
  }

  @Override
  public List<ParsedEndpoint> findHttpHandlerEntries(
      HandlerType type, @Nullable String requestUri) {
    Kind kind = kind(type);
    if (requestUri == null) {
      List<ParsedEndpoint> all = new ArrayList<>(kind.routes().length);
      for (Route r : kind.routes()) {
        all.add(r.parsed(config));
      }
      return List.copyOf(all);
    }
    Map<String, List<ParsedEndpoint>> byPath = kind.entries();
    List<ParsedEndpoint> found = byPath.get(requestUri);
    if (found == null) {
      String[] segments = segments(requestUri);
      List<ParsedEndpoint> matching = new ArrayList<>(4);
      for (Route r : kind.routes()) {
        if (r.matches(requestUri, segments, config)) {
          matching.add(r.parsed(config));
        }
      }
      found = List.copyOf(matching);
      remember(byPath, requestUri, found);
    }
    return found;
  }

  /** The first of {@link #findHttpHandlerEntries}' answer (the same kept answer). */
  @Override
  public @Nullable ParsedEndpoint findFirstHttpHandlerEntry(HandlerType type, String requestUri) {
    List<ParsedEndpoint> found = findHttpHandlerEntries(type, requestUri);
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public boolean hasHttpHandlerEntry(HandlerType type, String requestUri) {
    return findFirstHttpHandlerEntry(type, requestUri) != null;
  }

  /** A path's non-empty segments, as Javalin's route parser splits a route's path. */
  private static String[] segments(String path) {
    String[] parts = path.split("/");
    int n = 0;
    for (String p : parts) {
      if (!p.isEmpty()) {
        parts[n++] = p;
      }
    }
    return n == parts.length ? parts : Arrays.copyOf(parts, n);
  }

  /** A registered route, its path's segments read once, parsed by Javalin when first needed. */
  private static final class Route {
    private final Endpoint endpoint;

    /** The path's segments; null for a whole-segment {@code {param}}. */
    private final @Nullable String[] segments;

    /** How many leading segments are literals. */
    private final int literals;

    /** Whether every segment is a literal or a whole {@code {param}}. */
    private final boolean simple;

    private volatile @Nullable ParsedEndpoint parsed;

    Route(Endpoint endpoint) {
      this.endpoint = endpoint;
      String[] parts = segments(endpoint.path);
      this.segments = new String[parts.length];
      int leading = -1;
      boolean allSimple = true;
      for (int i = 0; i < parts.length; i++) {
        String s = parts[i];
        if (isLiteral(s)) {
          segments[i] = s;
          continue;
        }
        leading = leading < 0 ? i : leading;
        allSimple &= isWholeParam(s);
      }
      this.literals = leading < 0 ? parts.length : leading;
      this.simple = allSimple;
    }

    private static boolean isLiteral(String segment) {
      for (int i = 0; i < segment.length(); i++) {
        char c = segment.charAt(i);
        if (c == '{' || c == '}' || c == '<' || c == '>' || c == '*') {
          return false;
        }
      }
      return true;
    }

    private static boolean isWholeParam(String segment) {
      return segment.length() > 2
          && segment.charAt(0) == '{'
          && segment.charAt(segment.length() - 1) == '}'
          && isLiteral(segment.substring(1, segment.length() - 1));
    }

    /** Javalin's {@code PathMatcher} test, tried only when the path could match. */
    boolean matches(String requestUri, String[] requestSegments, RouterConfig config) {
      String path = endpoint.path;
      if (path.equals("*") || path.equals(requestUri)) {
        return true;
      }
      if (!config.caseInsensitiveRoutes && !couldMatch(requestSegments)) {
        return false;
      }
      return parsed(config).matches(requestUri);
    }

    private boolean couldMatch(String[] request) {
      if (simple ? request.length != segments.length : request.length < literals) {
        return false;
      }
      int compared = simple ? segments.length : literals;
      for (int i = 0; i < compared; i++) {
        String literal = segments[i];
        if (literal != null && !literal.equals(request[i])) {
          return false;
        }
      }
      return true;
    }

    ParsedEndpoint parsed(RouterConfig config) {
      ParsedEndpoint p = parsed;
      if (p == null) {
        p = new ParsedEndpoint(endpoint, config); // a race parses twice; either is kept
        parsed = p;
      }
      return p;
    }
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
    Kind k =
        new Kind(
            type,
            table.getOrDefault(type, List.of()).toArray(new Route[0]),
            new ConcurrentHashMap<>());
    Kind[] more = Arrays.copyOf(kinds, kinds.length + 1);
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
