package dev.sfsim.testcontainers.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method only when a Docker engine answers; otherwise the tests
 * are <em>disabled</em> (reported as skipped, with the reason).
 *
 * <p>Where Docker is required — CI sets the environment variable {@code SFSIM_REQUIRE_DOCKER=1} — a
 * missing engine makes the tests <em>fail</em> instead, so a broken Docker setup can never pass as
 * "all skipped".
 *
 * <pre>{@code
 * @EnabledIfDockerAvailable
 * @Testcontainers
 * class MyIT { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DockerAvailableCondition.class)
public @interface EnabledIfDockerAvailable {}
