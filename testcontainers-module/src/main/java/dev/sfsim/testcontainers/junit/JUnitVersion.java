package dev.sfsim.testcontainers.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The oldest JUnit Jupiter the extension works with is 5.10 (the one Spring Boot 3.2 manages):
 * older ones fail the class with a message naming the version found and the one needed, rather than
 * a {@code NoSuchMethodError} later.
 */
final class JUnitVersion {
  static final int MIN_MAJOR = 5;
  static final int MIN_MINOR = 10;

  private JUnitVersion() {}

  static void requireSupported() {
    String found = ExtensionContext.class.getPackage().getImplementationVersion();
    if (found != null && !supported(found)) {
      throw new ExtensionConfigurationException(
          "@SalesforceSimulatorTest needs JUnit Jupiter "
              + MIN_MAJOR
              + "."
              + MIN_MINOR
              + " or newer, found "
              + found
              + ": import org.junit:junit-bom of 5.10 or later");
    }
  }

  /**
   * @param version e.g. {@code 5.9.3}, {@code 6.1.3}; anything unparsable counts as supported
   */
  static boolean supported(String version) {
    String[] parts = version.split("[.-]");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major > MIN_MAJOR || (major == MIN_MAJOR && minor >= MIN_MINOR);
    } catch (NumberFormatException e) {
      return true;
    }
  }
}
