package dev.sfsim.testcontainers.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against a simulator container: one container per JVM and configuration (started on first use,
 * shared by every class that asks for the same image, fixtures and latency profile, stopped when the JVM's tests end,
 * left running in Testcontainers' reuse mode), the org reset before each test, and a {@link SalesforceSimulator}
 * handle (URLs, credentials, a token, the admin client) for any test or lifecycle method that declares one.
 *
 * <pre>{@code
 * @SalesforceSimulatorTest(fixtures = "fixtures/order-shipped.json", latencyProfile = "instant")
 * class OrderNotificationTest {
 *     @Test
 *     void notifiesTheCustomer(SalesforceSimulator sfsim) {
 *         var service = new OrderNotificationService(sfsim.getTokenUrl(), sfsim.getClientId(), ...);
 *         ...
 *         sfsim.admin().verifyConversationMessagesSent(aliceId);
 *     }
 * }
 * }</pre>
 *
 * Without Docker the class is skipped (it fails instead under {@code SFSIM_REQUIRE_DOCKER=1}), as with
 * {@link EnabledIfDockerAvailable}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EnabledIfDockerAvailable
@ExtendWith(SalesforceSimulatorExtension.class)
public @interface SalesforceSimulatorTest {

    /** Classpath resources loaded as startup fixtures, in this order; a reset (and every new org) restores them. */
    String[] fixtures() default {};

    /** {@code "realistic"} (the simulator's default) or {@code "instant"}. */
    String latencyProfile() default "realistic";

    /** Reset the org before each test (ignored with {@link #orgPerTest()}: a new org is empty anyway). */
    boolean resetBeforeEach() default true;

    /**
     * Give each test its own new org (own ids, credentials, data; about a tenth of a second) instead of resetting the
     * shared one, so tests may run in parallel; the org is dropped after the test.
     */
    boolean orgPerTest() default false;

    /** The image; empty means the system property {@code sfsim.image}, else {@code sfsim/simulator:latest}. */
    String image() default "";
}
