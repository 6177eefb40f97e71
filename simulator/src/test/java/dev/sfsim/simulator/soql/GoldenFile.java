package dev.sfsim.simulator.soql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A golden file of SOQL cases under {@code src/test/resources/soql/}:
 *
 * <pre>
 * ### title [@60.0] [queryAll]
 * SELECT ...            (one or more lines: the query, newlines kept)
 * --- section header    (e.g. "sql", "params", "400 INVALID_FIELD")
 * expected text         (verbatim, newlines kept, until the next "---" or "###")
 * </pre>
 *
 * Lines starting with {@code #!} are comments. Run with {@code -Dsoql.golden.update=true} to
 * rewrite the file from actual results (then review the diff).
 */
final class GoldenFile {
  static final Path DIR = Path.of("src/test/resources/soql");

  record Case(
      String title,
      double apiVersion,
      boolean queryAll,
      String query,
      Map<String, String> sections) {
    @Override
    public String toString() {
      return title;
    }
  }

  static boolean updating() {
    return Boolean.getBoolean("soql.golden.update");
  }

  static List<Case> read(String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(DIR.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Case> cases = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (!line.startsWith("### ")) {
        i++;
        continue;
      }
      String title = line.substring(4).trim();
      double version = 60.0;
      boolean queryAll = false;
      for (String word : title.split("\\s+")) {
        if (word.startsWith("@")) {
          version = Double.parseDouble(word.substring(1));
        }
        if (word.equals("queryAll")) {
          queryAll = true;
        }
      }
      i++;
      List<String> query = new ArrayList<>();
      while (i < lines.size()
          && !lines.get(i).startsWith("--- ")
          && !lines.get(i).startsWith("### ")) {
        query.add(lines.get(i++));
      }
      Map<String, String> sections = new LinkedHashMap<>();
      while (i < lines.size() && lines.get(i).startsWith("--- ")) {
        String header = lines.get(i++).substring(4).trim();
        List<String> body = new ArrayList<>();
        while (i < lines.size()
            && !lines.get(i).startsWith("--- ")
            && !lines.get(i).startsWith("### ")) {
          body.add(lines.get(i++));
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
          body.remove(body.size() - 1);
        }
        sections.put(header, String.join("\n", body));
      }
      cases.add(new Case(title, version, queryAll, trimTrailingBlank(query), sections));
    }
    return cases;
  }

  /** Writes cases back with new sections (update mode). */
  static void write(String name, String header, List<Case> cases) {
    StringBuilder sb = new StringBuilder(header);
    for (Case c : cases) {
      sb.append("### ").append(c.title()).append('\n').append(c.query()).append('\n');
      c.sections()
          .forEach((h, body) -> sb.append("--- ").append(h).append('\n').append(body).append('\n'));
      sb.append('\n');
    }
    try {
      Files.writeString(DIR.resolve(name), sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The comment lines ({@code #!}) at the top of a file, kept by {@link #write}. */
  static String header(String name) {
    try {
      StringBuilder sb = new StringBuilder();
      for (String line : Files.readAllLines(DIR.resolve(name), StandardCharsets.UTF_8)) {
        if (!line.startsWith("#!")) {
          break;
        }
        sb.append(line).append('\n');
      }
      return sb.append('\n').toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String trimTrailingBlank(List<String> query) {
    List<String> q = new ArrayList<>(query);
    while (!q.isEmpty() && q.get(q.size() - 1).isEmpty()) {
      q.remove(q.size() - 1);
    }
    return String.join("\n", q);
  }
}
