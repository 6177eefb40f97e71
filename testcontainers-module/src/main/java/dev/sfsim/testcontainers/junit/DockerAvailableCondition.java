package dev.sfsim.testcontainers.junit;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * The condition behind {@link EnabledIfDockerAvailable}: enabled when Testcontainers finds a Docker
 * engine; disabled when it does not, unless {@value #REQUIRE_DOCKER_VARIABLE}{@code =1}, where it
 * throws so the tests fail.
 */
public final class DockerAvailableCondition implements ExecutionCondition {

  /**
   * Environment variable that turns "no Docker" from a skip into a failure when set to {@code 1}.
   */
  public static final String REQUIRE_DOCKER_VARIABLE = "SFSIM_REQUIRE_DOCKER";

  private final BooleanSupplier dockerAvailable;
  private final Function<String, String> environment;

  /** Used by JUnit: asks Testcontainers and reads the process environment. */
  public DockerAvailableCondition() {
    this(() -> DockerClientFactory.instance().isDockerAvailable(), System::getenv);
  }

  DockerAvailableCondition(BooleanSupplier dockerAvailable, Function<String, String> environment) {
    this.dockerAvailable = dockerAvailable;
    this.environment = environment;
  }

  /**
   * @throws ExtensionConfigurationException when Docker is missing and {@value
   *     #REQUIRE_DOCKER_VARIABLE}{@code =1}; JUnit then reports the test (or every test of the
   *     class) as failed
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    RuntimeException problem = null;
    try {
      if (dockerAvailable.getAsBoolean()) {
        return ConditionEvaluationResult.enabled("A Docker engine is available");
      }
    } catch (RuntimeException e) {
      // Testcontainers throws, rather than answering false, when it reaches an engine but cannot
      // use it.
      problem = e;
    }
    String why =
        problem == null
            ? "No Docker engine found (Testcontainers could not connect)"
            : "Docker is not usable by Testcontainers: " + problem;
    if ("1".equals(environment.apply(REQUIRE_DOCKER_VARIABLE))) {
      throw new ExtensionConfigurationException(
          why
              + ", and "
              + REQUIRE_DOCKER_VARIABLE
              + "=1 says these tests must run: start Docker (check `docker info`), or unset "
              + REQUIRE_DOCKER_VARIABLE
              + " to skip them instead. Test: "
              + context.getDisplayName(),
          problem);
    }
    return ConditionEvaluationResult.disabled(
        why + "; set " + REQUIRE_DOCKER_VARIABLE + "=1 to make this a failure");
  }
}
