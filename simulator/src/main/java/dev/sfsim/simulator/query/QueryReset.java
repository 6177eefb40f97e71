package dev.sfsim.simulator.query;

import dev.sfsim.simulator.persistence.ResetParticipant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** What a reset clears of queries: open query cursors, their locators restarting at 1. */
public final class QueryReset implements ResetParticipant {
  @Override
  public List<String> tables() {
    return List.of("query_cursor");
  }

  @Override
  public void afterTruncate(Handle h) {
    h.execute("ALTER SEQUENCE query_cursor_seq RESTART WITH 1");
  }
}
