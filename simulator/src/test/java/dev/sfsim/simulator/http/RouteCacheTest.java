package dev.sfsim.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfsim.simulator.TestSimulator;
import io.javalin.Javalin;
import io.javalin.config.JavalinState;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link RouteCache} answers as Javalin's own router does: the simulator's every route (and its
 * filters' paths) registered on both, then every kind of handler asked about paths made from each
 * route — as written, with values for its parameters, with a trailing slash, doubled slashes,
 * another case, a segment fewer or more — and odd paths. Same endpoints, same order, under the
 * server's router settings and under Javalin's defaults and case-insensitive routes.
 */
class RouteCacheTest {
  /** The paths of the filters {@code RouteTable} registers (filters are not in its list). */
  private static final List<String> FILTERS =
      List.of("BEFORE /__admin/*", "BEFORE *", "BEFORE /services/data/*", "AFTER *");

  private static final List<String> ODD_PATHS =
      List.of(
          "/",
          "",
          "//",
          "/services",
          "/services/data/",
          "//services//data//v60.0//query",
          "/__admin",
          "/__ADMIN/health",
          "/__admin/orgs/00D000000000001/reset/",
          "/services/data/v60.0/sobjects/Account/001000000000001/Contacts",
          "/services/data/v60.0/composite/tree/Account",
          "/%73ervices/data/v60.0/query",
          "/services/data/v60.0/actions/standard/sendConversationMessages/extra",
          "/unknown");

  @Test
  void answersAsJavalinsRouterUnderTheServersSettings() {
    compare(
        state -> {
          state.router.treatMultipleSlashesAsSingleSlash = true;
          state.router.ignoreTrailingSlashes = true;
        });
  }

  @Test
  void answersAsJavalinsRouterUnderJavalinsDefaults() {
    compare(state -> {});
  }

  @Test
  void answersAsJavalinsRouterWithCaseInsensitiveRoutes() {
    compare(state -> state.router.caseInsensitiveRoutes = true);
  }

  @Test
  void refusesADuplicateRouteWithJavalinsMessage() {
    Routers r = routers(state -> {});
    Endpoint first = new Endpoint(HandlerType.GET, "/a/{id}", ctx -> {});
    Endpoint again = new Endpoint(HandlerType.GET, "/a/{id}", ctx -> {});
    r.reference().addHttpEndpoint(first);
    r.ours().addHttpEndpoint(first);
    Throwable javalins = catchThrowable(() -> r.reference().addHttpEndpoint(again));
    assertThat(javalins).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.ours().addHttpEndpoint(again))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(javalins.getMessage());
    // a filter may repeat a path, as in Javalin
    r.ours().addHttpEndpoint(new Endpoint(HandlerType.BEFORE, "/a/*", ctx -> {}));
    r.ours().addHttpEndpoint(new Endpoint(HandlerType.BEFORE, "/a/*", ctx -> {}));
    assertThat(r.ours().findHttpHandlerEntries(HandlerType.BEFORE, "/a/b")).hasSize(2);
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  private record Routers(InternalRouter reference, RouteCache ours) {}

  private static Routers routers(Consumer<JavalinState> settings) {
    JavalinState state = Javalin.create(config -> {}).unsafe;
    settings.accept(state);
    InternalRouter reference =
        new InternalRouter(state.wsRouter, state.eventManager, state.router, state.jetty);
    RouteCache.install(state);
    return new Routers(reference, (RouteCache) state.internalRouter);
  }

  private static void compare(Consumer<JavalinState> settings) {
    Routers r = routers(settings);
    List<String> routes = new ArrayList<>(FILTERS);
    routes.addAll(TestSimulator.get().routes());
    Set<String> paths = new LinkedHashSet<>(ODD_PATHS);
    for (String route : routes) {
      int space = route.indexOf(' ');
      HandlerType type = HandlerType.findOrCreate(route.substring(0, space));
      String path = route.substring(space + 1);
      Endpoint e = new Endpoint(type, path, ctx -> {});
      r.reference().addHttpEndpoint(e);
      r.ours().addHttpEndpoint(e);
      paths.addAll(requestPaths(path));
    }
    assertThat(routes).hasSizeGreaterThan(100);
    List<String> differences = new ArrayList<>();
    int compared = 0;
    for (HandlerType type : HandlerType.values()) {
      if (!same(
          r.reference().findHttpHandlerEntries(type, null),
          r.ours().findHttpHandlerEntries(type, null))) {
        differences.add(type + " (all)");
      }
      for (String path : paths) {
        compared++;
        if (!same(
            r.reference().findHttpHandlerEntries(type, path),
            r.ours().findHttpHandlerEntries(type, path))) {
          differences.add(type + " " + path + " (entries)");
        }
        if (endpoint(r.reference().findFirstHttpHandlerEntry(type, path))
            != endpoint(r.ours().findFirstHttpHandlerEntry(type, path))) {
          differences.add(type + " " + path + " (first)");
        }
        if (r.reference().hasHttpHandlerEntry(type, path)
            != r.ours().hasHttpHandlerEntry(type, path)) {
          differences.add(type + " " + path + " (has)");
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
    assertThat(differences).isEmpty();
    // asked twice, from what it kept: the same again
    for (String path : paths) {
      assertThat(
              same(
                  r.reference().findHttpHandlerEntries(HandlerType.GET, path),
                  r.ours().findHttpHandlerEntries(HandlerType.GET, path)))
          .as(path)
          .isTrue();
    }
  }

  /** Request paths made from a route's path: filled in, and a few ways of getting it wrong. */
  private static List<String> requestPaths(String route) {
    String filled =
        route
            .replaceAll("\\{[^}/]*}", "v60.0")
            .replaceAll("<[^>/]*>", "Account/001000000000001")
            .replace("*", "x/y");
    String noLast = filled.contains("/") ? filled.substring(0, filled.lastIndexOf('/')) : "";
    return List.of(
        route,
        filled,
        filled + "/",
        filled.replace("/", "//"),
        filled.toUpperCase(Locale.ROOT),
        noLast,
        filled + "/extra",
        filled + "/extra/more");
  }

  private static boolean same(List<ParsedEndpoint> a, List<ParsedEndpoint> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).endpoint != b.get(i).endpoint) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable Endpoint endpoint(@Nullable ParsedEndpoint p) {
    return p == null ? null : p.endpoint;
  }
}
