package dev.sfsim.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the JVM's shared in-process simulator ({@link TestSimulator}): the
 * default org is reset to its startup fixtures before each test (before the class's own
 * {@code @BeforeEach} methods), and a {@link TestOrg} — base URL, a fresh token, request
 * specifications — is handed to any constructor, test or lifecycle method that declares one.
 *
 * <pre>{@code
 * @WithSimulator
 * class RecordRoutesTest {
 *   private final TestOrg org;
 *
 *   RecordRoutesTest(TestOrg org) {
 *     this.org = org;
 *   }
 *
 *   @Test
 *   void createsAnAccount() {
 *     org.api().contentType(ContentType.JSON).body("{\"Name\":\"Acme\"}")
 *         .post("/services/data/v60.0/sobjects/Account").then().statusCode(201);
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SimulatorExtension.class)
public @interface WithSimulator {

  /** Reset the default org before each test; false keeps what earlier tests left. */
  boolean reset() default true;
}
