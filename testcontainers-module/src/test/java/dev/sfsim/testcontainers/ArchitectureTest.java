package dev.sfsim.testcontainers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's package graph stays a DAG (the admin client below the container, the JUnit extension
 * above both), and every package says what lives in it ({@code package-info.java}).
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sfsim.testcontainers");
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.sfsim.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theAdminClientDependsOnNoOtherPartOfTheModule() {
    noClasses()
        .that()
        .resideInAPackage("dev.sfsim.testcontainers.admin..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.sfsim.testcontainers", "dev.sfsim.testcontainers.junit..")
        .check(classes);
  }

  @Test
  void everyPackageSaysWhatLivesInIt() throws IOException {
    assertThat(undescribedPackages(Path.of("src/main/java"))).isEmpty();
  }

  /** Source directories holding Java files but no {@code package-info.java} with a description. */
  private static List<Path> undescribedPackages(Path sources) throws IOException {
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
      throw new UncheckedIOException(e);
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
      throw new UncheckedIOException(e);
    }
  }
}
