package dev.sfsim.testcontainers.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sfsim.testcontainers.junit.SalesforceSimulatorTest.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** How a class's mode is chosen, and which JUnit versions the extension accepts. */
class ModeAndVersionTest {

  @SalesforceSimulatorTest
  static final class Unspecified {}

  @SalesforceSimulatorTest(mode = Mode.CONTAINER)
  static final class Container {}

  @AfterEach
  void clearProperty() {
    System.clearProperty(SalesforceSimulatorTest.MODE_PROPERTY);
  }

  @Test
  void theSystemPropertyFlipsClassesThatNameNoMode() {
    // SFSIM_MODE is not set in this build: without the property the default is a container
    assertThat(SalesforceSimulatorExtension.mode(annotation(Unspecified.class)))
        .isEqualTo(Mode.CONTAINER);
    System.setProperty(SalesforceSimulatorTest.MODE_PROPERTY, "in-process");
    assertThat(SalesforceSimulatorExtension.mode(annotation(Unspecified.class)))
        .isEqualTo(Mode.IN_PROCESS);
    assertThat(SalesforceSimulatorExtension.mode(annotation(Container.class)))
        .isEqualTo(Mode.CONTAINER);
  }

  @Test
  void anUnknownModeNamesTheChoices() {
    System.setProperty(SalesforceSimulatorTest.MODE_PROPERTY, "docker");
    assertThatThrownBy(() -> SalesforceSimulatorExtension.mode(annotation(Unspecified.class)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("sfsim.mode must be container or in-process, was: docker");
  }

  @Test
  void acceptsJUnit510AndLater() {
    assertThat(JUnitVersion.supported("5.9.3")).isFalse();
    assertThat(JUnitVersion.supported("4.13")).isFalse();
    assertThat(JUnitVersion.supported("5.10.0")).isTrue();
    assertThat(JUnitVersion.supported("5.12.1")).isTrue();
    assertThat(JUnitVersion.supported("6.1.3")).isTrue();
    assertThat(JUnitVersion.supported("6.0.0-M1")).isTrue();
  }

  private static SalesforceSimulatorTest annotation(Class<?> type) {
    return type.getAnnotation(SalesforceSimulatorTest.class);
  }
}
