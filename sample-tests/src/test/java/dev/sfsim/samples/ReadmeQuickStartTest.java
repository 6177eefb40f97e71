package dev.sfsim.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.testcontainers.SimulatorImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README quotes compiled samples verbatim: {@link OrderNotificationServiceIT} between its
 * quick-start markers, and {@link InProcessQuickStartIT} whole after {@code <!-- in-process-example
 * -->}; its dependency snippets name this build's version.
 */
class ReadmeQuickStartTest {

  @Test
  void quotesTheSampleTestVerbatim() throws Exception {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/sfsim/samples/OrderNotificationServiceIT.java"));
    String quoted =
        source.split("// quick-start:begin\n", 2)[1].split("  // quick-start:end\n", 2)[0];
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(readme).contains("```java\n" + quoted + "  ...\n}\n```");
  }

  @Test
  void quotesTheWholeInProcessSampleAfterItsMarker() throws Exception {
    String source =
        Files.readString(Path.of("src/test/java/dev/sfsim/samples/InProcessQuickStartIT.java"));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(readme).contains("<!-- in-process-example -->\n```java\n" + source + "```\n");
  }

  @Test
  void dependencySnippetsNameThisVersion() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    String version = SimulatorImage.version();

    assertThat(readme)
        .contains(
            "<artifactId>sfsim-testcontainers</artifactId>\n  <version>" + version + "</version>")
        .contains("testImplementation(\"dev.sfsim:sfsim-testcontainers:" + version + "\")")
        .contains(
            "docker run --rm -p 8080:8080 -v \"$PWD/examples/fixtures:/fixtures:ro\" sfsim/simulator:"
                + version);
  }
}
