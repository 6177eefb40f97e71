package dev.sfsim.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thin edges: the SOQL pipeline and the messaging engine import neither Javalin nor Jdbi; only
 * routes touch Javalin.
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
}
