package dev.sfsim.simulator.messaging.persistence;

import dev.sfsim.simulator.persistence.ResetParticipant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What a reset clears of messaging (its records, such as MessagingSession, are the catalog's):
 * queued messages, the fake channels' outbox, components, fault rules, held conversation entries
 * and inbound messages; send request, session and delivery error names restarting at 1.
 */
public final class MessagingReset implements ResetParticipant {
  @Override
  public List<String> tables() {
    return List.of(
        "conv_message",
        "outbox",
        "messaging_component",
        "fault_rule",
        "conversation_entry_held",
        "inbound_message");
  }

  @Override
  public void afterTruncate(Handle h) {
    for (String seq :
        List.of(
            "conv_message_send_request_name_seq",
            "messaging_session_name_seq",
            "messaging_delivery_error_name_seq")) {
      h.execute("ALTER SEQUENCE " + seq + " RESTART WITH 1");
    }
  }
}
