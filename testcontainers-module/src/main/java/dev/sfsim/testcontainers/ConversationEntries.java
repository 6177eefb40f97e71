package dev.sfsim.testcontainers;

import java.util.Locale;

/**
 * How the {@code ConversationEntry} records of enhanced channels appear: the simulator's {@code
 * SFSIM_CONVERSATION_ENTRIES}, set with {@link
 * SalesforceSimulatorContainer#withConversationEntries(ConversationEntries)}.
 */
public enum ConversationEntries {
  /**
   * The simulator's default, as a real org shows them: the entries of a session appear when the
   * session ends.
   */
  REALISTIC,
  /** Every entry at once, with its text: for tests that read a running session's messages. */
  IMMEDIATE;

  /**
   * @return the value of {@code SFSIM_CONVERSATION_ENTRIES}: {@code realistic} or {@code immediate}
   */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
