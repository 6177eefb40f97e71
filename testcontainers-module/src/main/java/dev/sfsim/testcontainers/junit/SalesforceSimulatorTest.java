package dev.sfsim.testcontainers.junit;

import dev.sfsim.testcontainers.LatencyProfile;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a simulator container: one container per JVM and configuration
 * (started on first use, shared by every class that asks for the same image, fixtures and latency
 * profile, stopped when the JVM's tests end, left running in Testcontainers' reuse mode), the org
 * reset before each test, and a {@link SalesforceSimulator} handle (URLs, credentials, a token, the
 * admin client) for any test or lifecycle method that declares one.
 *
 * <pre>{@code
 * @SalesforceSimulatorTest(fixtures = "fixtures/order-shipped.json", latencyProfile = INSTANT)
 * class OrderNotificationTest {
 *     @Test
 *     void notifiesTheCustomer(SalesforceSimulator sfsim) {
 *         var service = new OrderNotificationService(sfsim.getTokenUrl(), sfsim.getClientId(), ...);
 *         ...
 *         sfsim.assertions().verifyConversationMessagesSent(aliceId);
 *     }
 * }
 * }</pre>
 *
 * In {@link Mode#CONTAINER} mode (the default) the simulator runs in a Docker container; without
 * Docker the class is skipped (it fails instead under {@code SFSIM_REQUIRE_DOCKER=1}), as with
 * {@link EnabledIfDockerAvailable}. In {@link Mode#IN_PROCESS} mode it runs inside the test JVM (no
 * Docker needed): same handle, same admin client.
 *
 * <p>Needs JUnit Jupiter 5.10 or newer (a class fails with a message naming the version found
 * otherwise).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SalesforceSimulatorExtension.class)
public @interface SalesforceSimulatorTest {

  /**
   * System property choosing the mode of every class whose {@link #mode()} is {@link Mode#DEFAULT}.
   */
  String MODE_PROPERTY = "sfsim.mode";

  /** Environment variable doing the same when the system property is not set. */
  String MODE_VARIABLE = "SFSIM_MODE";

  /** Where the simulator runs. */
  enum Mode {
    /**
     * The system property {@value #MODE_PROPERTY}, else the environment variable {@value
     * #MODE_VARIABLE} ({@code container} or {@code in-process}), else {@link #CONTAINER}.
     */
    DEFAULT,
    /**
     * A Docker container ({@link dev.sfsim.testcontainers.SalesforceSimulatorContainer}); needs a
     * Docker engine.
     */
    CONTAINER,
    /**
     * Inside the test JVM on a free localhost port, with its embedded PostgreSQL in a temporary
     * directory; the simulator jar (a dependency of this module) shares the test's classpath.
     * Stopped when the tests end.
     */
    IN_PROCESS
  }

  /**
   * Where the simulator runs; {@link Mode#DEFAULT} lets {@value #MODE_PROPERTY} / {@value
   * #MODE_VARIABLE} decide.
   */
  Mode mode() default Mode.DEFAULT;

  /**
   * Classpath resources loaded as startup fixtures, in this order; a reset (and every new org)
   * restores them.
   */
  String[] fixtures() default {};

  /**
   * How fast simulated work happens; {@link LatencyProfile#REALISTIC} is the simulator's default.
   */
  LatencyProfile latencyProfile() default LatencyProfile.REALISTIC;

  /**
   * Reset the org before each test (ignored with {@link #orgPerTest()}: a new org is empty anyway).
   */
  boolean resetBeforeEach() default true;

  /**
   * Give each test its own new org (own ids, credentials, data; about a tenth of a second) instead
   * of resetting the shared one, so tests may run in parallel; the org is dropped after the test.
   */
  boolean orgPerTest() default false;

  /**
   * The image ({@link Mode#CONTAINER} only); empty means the system property {@code sfsim.image},
   * else the image matching this module's version, built from the simulator jar when missing
   * ({@link dev.sfsim.testcontainers.SimulatorImage}).
   */
  String image() default "";
}
