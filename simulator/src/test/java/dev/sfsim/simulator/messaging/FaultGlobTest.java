package dev.sfsim.simulator.messaging;

import static dev.sfsim.simulator.messaging.MessagingWire.adminJson;
import static dev.sfsim.simulator.messaging.MessagingWire.advance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.TestSimulator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fault rules' {@code messagingPlatformKey} globs match without backtracking: a pattern that a
 * regular expression of {@code .*} groups takes astronomically long on (ten stars against 100
 * zeros: about 10^13 ways to split) decides in a bounded number of steps, and a send through such a
 * rule completes. The timeouts only catch a hang.
 */
class FaultGlobTest {
  private static final String ADVERSARIAL = "*0*0*0*0*0*0*0*0*0*0*X";
  private static final String ZEROS = "sms:+" + "0".repeat(100);

  @Test
  void matchingCostsAtMostPatternTimesTextSteps() {
    String text = "0".repeat(100_000);
    long steps = Glob.steps(ADVERSARIAL, text);
    assertThat(steps).isNegative(); // no X: no match
    assertThat(-1 - steps).isLessThanOrEqualTo((long) ADVERSARIAL.length() * text.length());
    assertThat(Glob.matches("*0*0*0*0*0*0*0*0*0*0*", text)).isTrue();
    assertThat(Glob.matches("whatsapp:+1555*3", "whatsapp:+15550003")).isTrue();
    assertThat(Glob.matches("whatsapp:+1555*3", "whatsapp:+15550004")).isFalse();
    assertThat(Glob.matches("a*b*c", "abc")).isTrue();
    assertThat(Glob.matches("*", "")).isTrue();
    assertThat(Glob.matches("", "x")).isFalse();
    assertThat(Glob.matches("a.c", "abc")).isFalse(); // only * is special
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void anAdversarialGlobNeitherWedgesTheDispatcherNorMissesItsMatch() {
    MessagingWire w = new MessagingWire();
    String endUser =
        TestSimulator.seed(
                """
                {"records": [{"attributes": {"type": "MessagingEndUser", "referenceId": "zeros"}, "Name": "Zeros",
                  "MessagingChannelId": "%s", "MessageType": "Text", "MessagingPlatformKey": "%s"}]}"""
                    .formatted(w.id("explicit"), ZEROS))
            .getString("results[0].id");
    adminJson(
            "{\"match\": {\"messagingPlatformKey\": \""
                + ADVERSARIAL
                + "\"}, \"effect\": \"fail\", \"reason\": \"Never\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);
    adminJson(
            "{\"match\": {\"messagingPlatformKey\": \"sms:+*0*0*0*0*0*0*0*0*0*0\"}, \"effect\": \"fail\", \"reason\": \"Zeros\"}")
        .post("/__admin/faults")
        .then()
        .statusCode(201);

    String req =
        w.invoke(MessagingWire.input(java.util.List.of(endUser), ""))
            .then()
            .statusCode(200)
            .extract()
            .path("[0].outputValues.requestId");
    advance("PT5S");
    assertThat(w.status(req)).isEqualTo("Completed");
    assertThat(w.request(req).getString("FailedMessageErrorReasons")).isEqualTo("Zeros");
  }
}
