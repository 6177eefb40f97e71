package dev.sfsim.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph, kept a DAG (low to high): {@code ids}, {@code clock}, {@code catalog}, {@code
 * org}; {@code soql}; {@code persistence}; {@code http}; the features ({@code auth}, {@code
 * sobject}, {@code query}, {@code composite}, {@code messaging}, {@code action}, {@code connect});
 * {@code admin}; {@code server}; the root package. And thin edges: the SOQL pipeline and the
 * messaging engine import neither Javalin nor Jdbi; only routes, filters and the server touch
 * Javalin. Every package says what lives in it ({@code package-info.java}).
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sfsim.simulator");
  }

  @Test
  void soqlAndMessagingImportNeitherJavalinNorJdbi() {
    noClasses()
        .that()
        .resideInAnyPackage("..simulator.soql..", "..simulator.messaging")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.jdbi..")
        .check(classes);
  }

  @Test
  void onlyRoutesAndTheHttpPackageTouchJavalin() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..simulator.http..", "..simulator.server..")
        .and()
        .haveSimpleNameNotEndingWith("Routes")
        .and()
        .haveSimpleNameNotEndingWith("Filter")
        .and()
        .doNotHaveSimpleName("LoginRouting")
        .and()
        .doNotHaveSimpleName("Simulator")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.javalin..")
        .check(classes);
  }

  @Test
  void catalogIdsAndErrorsAreFrameworkFree() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..simulator.catalog..",
            "..simulator.ids..",
            "..simulator.org..",
            "..simulator.clock..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "org.jdbi..")
        .check(classes);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.sfsim.simulator.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void layersOnlyDependDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Base")
        .definedBy(
            "..simulator.ids..",
            "..simulator.clock..",
            "..simulator.catalog..",
            "..simulator.org..")
        .layer("Soql")
        .definedBy("..simulator.soql..")
        .layer("Persistence")
        .definedBy("..simulator.persistence..")
        .layer("Web")
        .definedBy("..simulator.http..")
        .layer("Features")
        .definedBy(
            "..simulator.auth..",
            "..simulator.sobject..",
            "..simulator.query..",
            "..simulator.composite..",
            "..simulator.messaging..",
            "..simulator.action..",
            "..simulator.connect..")
        .layer("Admin")
        .definedBy("..simulator.admin..")
        .layer("Server")
        .definedBy("..simulator.server..")
        .layer("Root")
        .definedBy("dev.sfsim.simulator")
        .whereLayer("Root")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Server")
        .mayOnlyBeAccessedByLayers("Root")
        .whereLayer("Admin")
        .mayOnlyBeAccessedByLayers("Server", "Root")
        .whereLayer("Features")
        .mayOnlyBeAccessedByLayers("Features", "Admin", "Server", "Root")
        .whereLayer("Web")
        .mayOnlyBeAccessedByLayers("Features", "Admin", "Server", "Root")
        .whereLayer("Persistence")
        .mayOnlyBeAccessedByLayers("Web", "Features", "Admin", "Server", "Root")
        .whereLayer("Soql")
        .mayOnlyBeAccessedByLayers("Features", "Server", "Root")
        .check(classes);
  }

  @Test
  void recordsAndQueriesStayBelowComposite() {
    noClasses()
        .that()
        .resideInAPackage("..simulator.sobject..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..simulator.query..",
            "..simulator.composite..",
            "..simulator.auth..",
            "..simulator.messaging..",
            "..simulator.action..",
            "..simulator.connect..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("..simulator.query..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..simulator.sobject..", "..simulator.composite..")
        .check(classes);
  }

  @Test
  void theMessagingEngineReachesItsDataOnlyThroughItsPort() {
    noClasses()
        .that()
        .resideInAPackage("..simulator.messaging")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..simulator.messaging.persistence..", "..simulator.persistence..")
        .check(classes);
  }

  @Test
  void everyPackageSaysWhatLivesInIt() throws IOException {
    assertThat(undescribedPackages(Path.of("src/main/java"))).isEmpty();
  }

  /**
   * Source directories holding Java files but no {@code package-info.java} with a javadoc
   * description (shared with the module's architecture test in spirit: same rule, same wording).
   */
  static List<Path> undescribedPackages(Path sources) throws IOException {
    try (Stream<Path> dirs = Files.walk(sources)) {
      return dirs.filter(Files::isDirectory)
          .filter(ArchitectureTest::holdsJava)
          .filter(d -> !described(d.resolve("package-info.java")))
          .map(sources::relativize)
          .toList();
    }
  }

  private static boolean holdsJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean described(Path info) {
    try {
      if (!Files.exists(info)) {
        return false;
      }
      String text = Files.readString(info);
      int open = text.indexOf("/**");
      int close = text.indexOf("*/", open + 3);
      return open >= 0
          && close > open
          && text.substring(open + 3, close).replaceAll("[\\s*]", "").length() >= 20;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
