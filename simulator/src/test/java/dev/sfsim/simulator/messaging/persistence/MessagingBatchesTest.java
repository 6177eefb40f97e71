package dev.sfsim.simulator.messaging.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.messaging.MessagingTransaction.NewEntry;
import dev.sfsim.simulator.messaging.MessagingTransaction.NewSession;
import dev.sfsim.simulator.messaging.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The batch writes bind a batch's shared values once: rows that do not share them are written by
 * one statement per run of neighbours that do, in their order (the dispatcher's batches are one
 * run; the SQL of each statement runs in the messaging behaviour tests).
 */
class MessagingBatchesTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

  @Test
  void aBatchSharingItsValuesIsOneStatement() {
    assertThat(MessagingBatches.entriesParts(List.of(entry("System"), entry("System")), false))
        .hasSize(1);
    assertThat(MessagingBatches.outboxParts(List.of(outbox("r1"), outbox("r1")))).hasSize(1);
    assertThat(SessionBatches.sessionsParts(List.of(session("New"), session("New")))).hasSize(1);
  }

  @Test
  void rowsDifferingInASharedValueAreCutIntoRunsInOrder() {
    assertThat(
            MessagingBatches.entriesParts(
                List.of(entry("System"), entry("EndUser"), entry("EndUser"), entry("System")),
                true))
        .hasSize(3);
    assertThat(MessagingBatches.outboxParts(List.of(outbox("r1"), outbox("r2"), outbox("r1"))))
        .hasSize(3);
    assertThat(
            SessionBatches.sessionsParts(List.of(session("New"), session("New"), session("Ended"))))
        .hasSize(2);
    assertThat(MessagingBatches.entriesParts(List.of(), false)).isEmpty();
  }

  private static NewEntry entry(String actorType) {
    return new NewEntry(
        "0Zy", "0Mw", 1, "Text", actorType, null, "System", "hi", "m", "Sent", "005", NOW);
  }

  private static OutboxEntry outbox(String request) {
    return new OutboxEntry(
        UUID.randomUUID(), request, "0PA", "k", "0Mj", "Text", "0Mw", "d", "hi", NOW, "Sent");
  }

  private static NewSession session(String status) {
    return new NewSession(
        "0Mw", "MS-1", status, "TriggeredOutbound", "Text", "0PA", "0Mj", "005", NOW, null, 1, 0);
  }
}
