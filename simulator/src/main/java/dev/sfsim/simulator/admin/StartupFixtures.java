package dev.sfsim.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.http.Json;
import dev.sfsim.simulator.org.SalesforceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixtures loaded at start and again on every reset: every {@code *.json} file of the {@code
 * SFSIM_FIXTURES} directories, in file-name order (admin API contract: {@code GET
 * /__admin/openapi.json}). A file that is not valid JSON stops the start with a message naming it.
 *
 * @param files the fixture bodies, in load order
 */
public record StartupFixtures(List<File> files) {

  /** One fixture file: its path and its parsed body. */
  public record File(Path path, JsonNode body) {}

  public StartupFixtures {
    files = List.copyOf(files);
  }

  /**
   * @throws IllegalStateException naming the directory or file that cannot be read or parsed
   */
  public static StartupFixtures read(List<Path> dirs) {
    List<File> files = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException(
            "SFSIM_FIXTURES names " + dir + ", which is not a directory");
      }
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p :
            s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
          files.add(new File(p, parse(p)));
        }
      } catch (IOException e) {
        throw new IllegalStateException(
            "Cannot read fixtures directory " + dir + ": " + e.getMessage(), e);
      }
    }
    return new StartupFixtures(files);
  }

  private static JsonNode parse(Path p) throws IOException {
    try {
      return Json.parse(Files.readString(p));
    } catch (SalesforceException e) {
      throw new IllegalStateException(
          "Fixture file " + p + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}
