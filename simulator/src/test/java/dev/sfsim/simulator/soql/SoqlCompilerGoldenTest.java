package dev.sfsim.simulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.CustomFields;
import dev.sfsim.simulator.org.SalesforceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of the compiler: {@code soql/compile.txt} (query -> SQL and parameters) and {@code
 * soql/errors.txt} (query -> status, errorCode and the exact message, caret block included).
 */
class SoqlCompilerGoldenTest {
  /**
   * The standard objects plus the custom fields the wire tests declare ({@code
   * custom-fields.json}).
   */
  private final SoqlCompiler compiler =
      new SoqlCompiler(
          Catalog.standard()
              .withCustomFields(CustomFields.read("src/test/resources/custom-fields.json")));

  @TestFactory
  Stream<DynamicTest> compiledSql() {
    return golden("compile.txt", this::compiled);
  }

  @TestFactory
  Stream<DynamicTest> errorTexts() {
    return golden("errors.txt", this::compiled);
  }

  private Map<String, String> compiled(GoldenFile.Case c) {
    Map<String, String> actual = new LinkedHashMap<>();
    try {
      CompiledQuery q = compiler.compile(c.query(), c.apiVersion(), c.queryAll());
      actual.put("sql", q.sql());
      actual.put(
          "params",
          q.parameters().stream()
              .map(p -> p.getClass().getSimpleName() + ":" + p)
              .collect(Collectors.joining(", ", "[", "]")));
      children(actual, "child ", q.children());
    } catch (SalesforceException e) {
      assertThat(e.fields()).as("SOQL errors have no fields key").isNull();
      actual.put(e.status() + " " + e.errorCode(), e.getMessage());
    }
    return actual;
  }

  /** Child sub-selects, nested ones (API 58.0+) under {@code child Outer/Inner}. */
  private static void children(Map<String, String> actual, String prefix, List<ChildSql> children) {
    for (ChildSql child : children) {
      actual.put(
          prefix + child.name(),
          child.sql()
              + "\n"
              + child.parameters().stream()
                  .map(
                      p ->
                          p == ChildSql.PARENT_IDS
                              ? "ParentIds"
                              : p.getClass().getSimpleName() + ":" + p)
                  .collect(Collectors.joining(", ", "[", "]")));
      children(actual, prefix + child.name() + "/", child.children());
    }
  }

  private static Stream<DynamicTest> golden(
      String file, Function<GoldenFile.Case, Map<String, String>> run) {
    List<GoldenFile.Case> cases = GoldenFile.read(file);
    List<GoldenFile.Case> actual = new ArrayList<>();
    for (GoldenFile.Case c : cases) {
      actual.add(
          new GoldenFile.Case(c.title(), c.apiVersion(), c.queryAll(), c.query(), run.apply(c)));
    }
    if (GoldenFile.updating()) {
      GoldenFile.write(file, GoldenFile.header(file), actual);
    }
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.title(),
                    () -> {
                      GoldenFile.Case a = actual.get(cases.indexOf(c));
                      assertThat(a.sections()).as(c.query()).isEqualTo(c.sections());
                    }));
  }
}
