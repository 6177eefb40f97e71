package dev.sfsim.simulator.persistence;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What one feature's data contributes to an org reset ({@code POST /__admin/reset}): the tables
 * whose rows go, and the statements that put the rest of its state back (sequences restarted). The
 * reset truncates every participant's tables in one statement, then runs each participant's {@link
 * #afterTruncate} in the same transaction, so a reset is all or nothing. Each feature declares its
 * own; the reset service knows no feature's tables.
 */
public interface ResetParticipant {
  /** The tables this feature owns whose rows a reset removes. */
  List<String> tables();

  /**
   * Runs in the reset's transaction after the truncate: restarts this feature's sequences (so the
   * startup fixtures get the same ids and names again). Nothing by default.
   */
  default void afterTruncate(Handle h) {}
}
