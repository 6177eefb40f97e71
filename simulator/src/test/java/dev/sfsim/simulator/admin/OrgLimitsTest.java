package dev.sfsim.simulator.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sfsim.simulator.Simulator;
import dev.sfsim.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /__admin/orgs} is capped ({@code SFSIM_MAX_ORGS}); orgs share the dispatcher threads,
 * so creating them adds no thread; a simulator with created orgs stops promptly. Figures (threads,
 * stop time) are printed; set {@code -Dsfsim.orgs=100} to measure with more orgs (the cap follows).
 */
class OrgLimitsTest {

  /**
   * Live threads but Jetty's request pool: that pool is shared by every org and grows and shrinks
   * with how requests happen to overlap (7 to 12 threads over the same sequential calls), not with
   * orgs.
   */
  private static int threads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> !t.getName().startsWith("JettyServerThreadPool-"))
            .count();
  }

  @Test
  void orgsAreCappedShareThreadsAndStopPromptly() {
    int n = Integer.getInteger("sfsim.orgs", 12);
    Simulator sim = Simulator.start(SimulatorConfig.defaults().withPort(0).withMaxOrgs(n));
    long stopMs;
    try {
      String base = sim.baseUrl();
      List<String> ids = new ArrayList<>();
      ids.add(
          given()
              .baseUri(base)
              .post("/__admin/orgs")
              .then()
              .statusCode(201)
              .extract()
              .path("orgId"));
      int withOne =
          threads(); // the first org starts the spare-schema thread; later orgs must add none
      for (int i = 1; i < n; i++) {
        ids.add(
            given()
                .baseUri(base)
                .post("/__admin/orgs")
                .then()
                .statusCode(201)
                .extract()
                .path("orgId"));
      }
      int withAll = threads();
      given()
          .baseUri(base)
          .post("/__admin/orgs")
          .then()
          .statusCode(400)
          .body("[0].errorCode", equalTo("LIMIT_EXCEEDED"))
          .body("[0].message", containsString("SFSIM_MAX_ORGS"));
      given()
          .baseUri(base)
          .get("/__admin/orgs")
          .then()
          .statusCode(200)
          .body("orgs.size()", equalTo(n + 1));
      given().baseUri(base).delete("/__admin/orgs/" + ids.remove(0)).then().statusCode(204);
      given().baseUri(base).post("/__admin/orgs").then().statusCode(201);
      System.out.printf(
          "OrgLimitsTest: JVM threads with 1 created org %d, with %d created orgs %d%n",
          withOne, n, withAll);
      assertThat(withAll)
          .as("threads with %d orgs", n)
          .isLessThanOrEqualTo(withOne + 8); // slack: JDK, Jetty and cache housekeeping threads
    } finally {
      long t0 = System.nanoTime();
      sim.close();
      stopMs = (System.nanoTime() - t0) / 1_000_000;
    }
    System.out.printf("OrgLimitsTest: stop with %d created orgs took %d ms%n", n, stopMs);
  }
}
