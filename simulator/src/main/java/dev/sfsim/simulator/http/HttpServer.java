package dev.sfsim.simulator.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.router.InternalRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * The Javalin server: Salesforce paths exactly as Salesforce spells them, repeated slashes
 * collapsed and trailing slashes ignored (the {@code sf} CLI sends {@code //services/data/...},
 * simple-salesforce {@code query/?q=}), JSON through the one {@link Json#MAPPER}, every error
 * rendered by {@link ErrorRenderer}.
 */
public final class HttpServer {
  /** Request bodies above this size are refused (413). */
  public static final long MAX_REQUEST_BYTES = 10L * 1024 * 1024;

  /**
   * Request line plus headers Salesforce accepts: "the maximum combined length of the URI and
   * headers is 16,384 bytes" ("Maximum number of rows returned by SOQL queries over the REST API",
   * Salesforce Help knowledge article 000386264); beyond it Jetty answers 414 (the URI alone too
   * long) or 431, rendered by {@link ProtocolErrors}.
   */
  static final int MAX_HEADER_BYTES = 16_384;

  static final String JSON_UTF8 = "application/json;charset=UTF-8";

  private static final String REFERENCES_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";
  private static final String CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";

  private HttpServer() {}

  /**
   * Javalin's own request pool (8 to 250 threads, named as Javalin names it) with no reserved
   * threads: Jetty then queues each request to an idle pool thread instead of running it on the
   * selecting thread and waking a parked reserved thread to select in its place. Measured A/B (wrk,
   * two cores): about 8 % less CPU per {@code GET /query} with 8 connections, same throughput,
   * shorter p90/p99; with 1 connection a p50 a few microseconds longer.
   */
  private static QueuedThreadPool requestThreads() {
    answerJettysCacheLineQuestion();
    QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000);
    pool.setName("JettyServerThreadPool");
    pool.setReservedThreads(0);
    return pool;
  }

  /**
   * Links the call sites of Javalin's {@code HandlerType} record {@code hashCode} and {@code
   * equals}, which its router uses as it registers routes (keys, and a duplicate check against
   * every route already there): a record's methods are linked at their first call in each JVM (no
   * class cache holds the link), ~20 ms in a cold one. A start's warm-up thread calls this before
   * the server is built.
   */
  public static void linkRouteKeys() {
    if (HandlerType.GET.hashCode() == HandlerType.POST.hashCode()
        && HandlerType.GET.equals(HandlerType.POST)) {
      throw new AssertionError("HandlerType: GET equals POST");
    }
  }

  /**
   * Tells Jetty how many object references fill a cache line (its queues pad to it), so that it
   * does not ask JMX: {@code MemoryUtils} otherwise reads the {@code UseCompressedOops} flag from
   * the HotSpotDiagnostic MBean, which starts the platform MBean server (about 35 ms of a
   * container's start, on its critical path). HotSpot sets {@code java.vm.compressedOopsMode} only
   * when oops are compressed (4-byte references); the answer is Jetty's own ({@code cacheLineBytes
   * / 4} or {@code / 8}). A value the user set is kept.
   */
  static void answerJettysCacheLineQuestion() {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) != null) {
      return;
    }
    int cacheLineBytes;
    try {
      cacheLineBytes =
          Integer.parseInt(System.getProperty(CACHE_LINE_BYTES, "64")); // Jetty's default
    } catch (NumberFormatException e) {
      return; // Jetty falls back on its own for a bad value: let it decide the rest too
    }
    int referenceBytes = System.getProperty("java.vm.compressedOopsMode") != null ? 4 : 8;
    System.setProperty(
        REFERENCES_PER_CACHE_LINE, Integer.toString(Math.max(1, cacheLineBytes / referenceBytes)));
  }

  /**
   * Javalin's default (gzip from 1,500 bytes when the client accepts it; images, audio, video and
   * archives never), with the content types the simulator answers in named as allowed. Javalin
   * decides per response: a type on its allowed list is one list lookup, any other a
   * case-insensitive substring scan of the excluded list (about 3 % of a small query's CPU). None
   * of these types is excluded, so every decision is the one the scan made. Each is named as set
   * and as Jetty reports it back ({@code charset=utf-8}): the lookup is exact.
   */
  static CompressionStrategy compression() {
    CompressionStrategy strategy = new CompressionStrategy(null, new Gzip());
    List<String> allowed = new ArrayList<>(strategy.getAllowedMimeTypes());
    for (String type :
        List.of(
            JSON_UTF8, Negotiation.XML_UTF8, "text/xml;charset=UTF-8", "text/html;charset=UTF-8")) {
      allowed.add(type);
      allowed.add(type.replace("UTF-8", "utf-8"));
    }
    allowed.add("application/json");
    strategy.setAllowedMimeTypes(allowed);
    return strategy;
  }

  /** Builds (does not start) a plain HTTP server with the given route registrations. */
  @SafeVarargs
  public static Javalin create(Consumer<RoutesConfig>... registrations) {
    return create(false, 0, registrations);
  }

  /**
   * Builds (does not start) a server; with {@code tls} it serves HTTPS only, on {@code port}, with
   * a freshly generated self-signed certificate ({@link SelfSignedCertificate}); start it with
   * {@code start()}.
   */
  @SafeVarargs
  public static Javalin create(boolean tls, int port, Consumer<RoutesConfig>... registrations) {
    return create(tls, null, port, registrations);
  }

  /**
   * As {@link #create(boolean, int, Consumer[])}, the TLS connector bound to {@code host} (null:
   * every interface).
   */
  @SafeVarargs
  public static Javalin create(
      boolean tls, @Nullable String host, int port, Consumer<RoutesConfig>... registrations) {
    return Javalin.create(
        config -> {
          RouteCache.install(config.unsafe); // first: routes are added to the router as registered
          if (tls) {
            config.jetty.addConnector(
                (server, httpConfig) -> {
                  SslContextFactory.Server ssl = new SslContextFactory.Server();
                  ssl.setKeyStore(SelfSignedCertificate.generate());
                  ssl.setKeyStorePassword(new String(SelfSignedCertificate.PASSWORD));
                  ssl.setKeyManagerPassword(new String(SelfSignedCertificate.PASSWORD));
                  SecureRequestCustomizer secure = new SecureRequestCustomizer();
                  secure.setSniHostCheck(
                      false); // clients call it by whatever name or address reaches it
                  httpConfig.addCustomizer(secure);
                  ServerConnector connector =
                      new ServerConnector(server, ssl, new HttpConnectionFactory(httpConfig));
                  connector.setPort(port);
                  connector.setHost(host);
                  return connector;
                });
          }
          config.jetty.threadPool = requestThreads();
          config.jetty.modifyHttpConfiguration(
              http -> {
                http.setRequestHeaderSize(MAX_HEADER_BYTES);
                http.setOutputBufferSize(RenderedBody.CHUNK); // Jetty's default, pinned
              });
          config.http.responseBufferSize = RenderedBody.CHUNK; // Javalin's copy buffer: the same
          config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
          config.startup.showJavalinBanner = false;
          // Its hint at exit ("you never started it") is for a forgotten start(): the simulator
          // starts what it serves, or drops a server it built when its start fails.
          config.startup.startupWatcherEnabled = false;
          config.router.treatMultipleSlashesAsSingleSlash = true;
          config.router.ignoreTrailingSlashes = true;
          config.http.prefer405over404 = true;
          config.http.maxRequestSize = MAX_REQUEST_BYTES;
          config.http.defaultContentType = "application/json;charset=UTF-8";
          config.http.compressionStrategy = compression();
          ErrorRenderer.register(config.routes);
          // Salesforce sends the charset; some clients compare the header exactly.
          config.routes.after(
              ctx -> {
                String type = ctx.res().getContentType();
                if (type != null && type.equals("application/json")) {
                  ctx.res().setContentType(JSON_UTF8);
                }
              });
          for (Consumer<RoutesConfig> r : registrations) {
            r.accept(config.routes);
          }
          // After the routes: a start's warm-up thread initializes Jackson meanwhile.
          config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
          InternalRouter router = config.unsafe.internalRouter;
          config.routes.after(ctx -> RenderedBody.write(ctx, router)); // last after-handler
        });
  }
}
