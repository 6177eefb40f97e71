package dev.sfsim.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's quick start quotes {@link OrderNotificationServiceIT} between its quick-start markers, verbatim. */
class ReadmeQuickStartTest {

    @Test
    void quotesTheSampleTestVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/sfsim/samples/OrderNotificationServiceIT.java"));
        String quoted = source.split("// quick-start:begin\n", 2)[1].split("    // quick-start:end\n", 2)[0];
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme).contains("```java\n" + quoted + "    ...\n}\n```");
    }
}
