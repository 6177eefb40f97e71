package dev.sfsim.testcontainers.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

class DockerAvailableConditionTest {

  @Test
  void enabledWhenDockerAnswers() {
    var condition =
        new DockerAvailableCondition(() -> true, Map.of("SFSIM_REQUIRE_DOCKER", "1")::get);

    ConditionEvaluationResult result = condition.evaluateExecutionCondition(context("MyIT"));

    assertThat(result.isDisabled()).isFalse();
  }

  @Test
  void disabledWithoutDockerByDefault() {
    var condition = new DockerAvailableCondition(() -> false, Map.<String, String>of()::get);

    ConditionEvaluationResult result = condition.evaluateExecutionCondition(context("MyIT"));

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("No Docker engine"));
  }

  @Test
  void failsWithoutDockerWhenRequired() {
    var condition =
        new DockerAvailableCondition(() -> false, Map.of("SFSIM_REQUIRE_DOCKER", "1")::get);

    assertThatThrownBy(() -> condition.evaluateExecutionCondition(context("MyIT")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("SFSIM_REQUIRE_DOCKER=1")
        .hasMessageContaining("MyIT");
  }

  @Test
  void treatsATestcontainersErrorAsNoDocker() {
    var condition =
        new DockerAvailableCondition(
            () -> {
              throw new IllegalStateException("gateway lookup timed out");
            },
            Map.<String, String>of()::get);

    ConditionEvaluationResult result = condition.evaluateExecutionCondition(context("MyIT"));

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("gateway lookup timed out"));
  }

  @Test
  void failsOnATestcontainersErrorWhenRequired() {
    var condition =
        new DockerAvailableCondition(
            () -> {
              throw new IllegalStateException("gateway lookup timed out");
            },
            Map.of("SFSIM_REQUIRE_DOCKER", "1")::get);

    assertThatThrownBy(() -> condition.evaluateExecutionCondition(context("MyIT")))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("gateway lookup timed out")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  /** A context that only knows its display name: all the condition reads. */
  private static ExtensionContext context(String displayName) {
    return (ExtensionContext)
        Proxy.newProxyInstance(
            ExtensionContext.class.getClassLoader(),
            new Class<?>[] {ExtensionContext.class},
            (proxy, method, args) ->
                "getDisplayName".equals(method.getName()) ? displayName : null);
  }
}
