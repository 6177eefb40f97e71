package dev.sfsim.testcontainers.junit;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import dev.sfsim.testcontainers.LatencyProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The simulator inside the test JVM ({@link SalesforceSimulatorTest.Mode#IN_PROCESS}): a free port
 * on localhost, its embedded PostgreSQL in a temporary directory (a copy of a prepared one: {@link
 * PreparedDatabase}; or {@code SFSIM_EMBEDDED_DIR} when set), the annotation's fixtures copied
 * there in order, all removed on close (the database copy in the background).
 */
final class InProcessSimulator implements AutoCloseable {
  private final Simulator simulator;
  private final Path fixtures;
  private final @Nullable Path database;

  private InProcessSimulator(Simulator simulator, Path fixtures, @Nullable Path database) {
    this.simulator = simulator;
    this.fixtures = fixtures;
    this.database = database;
  }

  /**
   * Starts one; fixtures are classpath resources, or a JSON body when they start with <code>{
   * </code>.
   */
  static InProcessSimulator start(String[] fixtureResources, LatencyProfile latencyProfile) {
    Path dir = copyFixtures(fixtureResources);
    SimulatorConfig config =
        SimulatorConfig.fromEnvironment(Map.of("SFSIM_LATENCY_PROFILE", latencyProfile.wireValue()))
            .withPort(0)
            .withFixtureDirs(List.of(dir));
    Path database = null;
    if (config.embeddedDirectory() == null && config.databaseUrl() == null) {
      database = PreparedDatabase.copy();
      config = config.withEmbeddedDirectory(database);
    }
    try {
      return new InProcessSimulator(Simulator.start(config), dir, database);
    } catch (RuntimeException e) {
      if (database != null) {
        PreparedDatabase.delete(database);
      }
      throw e;
    }
  }

  /** {@code http://localhost:<port>}. */
  String baseUrl() {
    return simulator.baseUrl();
  }

  @Override
  public void close() {
    simulator.close();
    if (database != null) {
      PreparedDatabase.discard(database);
    }
    try (Stream<Path> files = Files.walk(fixtures)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is not worth failing a test run for
    }
  }

  /**
   * The simulator loads a directory's {@code *.json} in file-name order: a numbered prefix keeps
   * the given order.
   */
  private static Path copyFixtures(String[] resources) {
    try {
      Path dir = Files.createTempDirectory("sfsim-fixtures-");
      for (int i = 0; i < resources.length; i++) {
        String resource = resources[i];
        Path target = dir.resolve(String.format("%03d-fixture.json", i + 1));
        if (resource.strip().startsWith("{")) {
          Files.writeString(target, resource, StandardCharsets.UTF_8);
          continue;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in =
            loader.getResourceAsStream(
                resource.startsWith("/") ? resource.substring(1) : resource)) {
          if (in == null) {
            throw new ExtensionConfigurationException(
                "Fixture resource not found on the classpath: " + resource);
          }
          Files.copy(in, target);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
