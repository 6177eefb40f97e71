package dev.sfsim.simulator.sobject;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What the inserts of one fixture load know that a lone insert does not, so that a record costs
 * fewer round trips (a plain one: its insert alone, was up to three) — with the same ids, checks
 * and failures:
 *
 * <ul>
 *   <li>the records it inserted: a reference to one of them is live (inserted in this transaction,
 *       which deletes nothing), so its existence is not asked again;
 *   <li>with {@link #drawIds}, the record numbers ({@code sfsim_id_seq}) its records take, drawn in
 *       one query before the first insert: the same values in the same order as one draw per
 *       record.
 * </ul>
 *
 * <p>Drawing ahead is only for a transaction that restarted {@code sfsim_id_seq} itself (a full
 * reset): that restart locks the sequence against every other session's {@code nextval} until the
 * commit, and a rollback puts the sequence back as it was before the transaction — so a load that
 * fails part-way leaves no trace of the numbers it drew, as today. Numbers drawn but not taken
 * (records with their own {@code Id}) are given back at the end ({@link #giveBackUnused}).
 */
public final class InsertBatch {
  /** Record id to the table it was inserted into. */
  private final Map<String, String> inserted = new HashMap<>();

  private long[] drawn = new long[0];
  private int taken;

  /**
   * Draws {@code n} record numbers in one query (at least as many as the records to insert). Only
   * in a transaction that restarted {@code sfsim_id_seq}: see the class comment.
   */
  public void drawIds(Handle h, int n) {
    if (n <= 0) {
      return;
    }
    long[] values =
        h
            .createQuery("SELECT nextval('sfsim_id_seq') FROM generate_series(1, :n)")
            .bind("n", n)
            .mapTo(Long.class)
            .stream()
            .mapToLong(Long::longValue)
            .toArray();
    Arrays.sort(values); // a sequence's values rise in the order they are drawn
    drawn = values;
    taken = 0;
  }

  /** The next number drawn ahead, or -1 when none is left (the insert draws its own). */
  long takeId() {
    return taken < drawn.length ? drawn[taken++] : -1;
  }

  /**
   * Puts {@code sfsim_id_seq} where one draw per record would have left it, when some numbers drawn
   * ahead were not taken.
   */
  public void giveBackUnused(Handle h) {
    if (taken == drawn.length) {
      return;
    }
    var q =
        taken == 0
            ? h.createQuery("SELECT setval('sfsim_id_seq', :v, false)").bind("v", drawn[0])
            : h.createQuery("SELECT setval('sfsim_id_seq', :v)").bind("v", drawn[taken - 1]);
    q.mapTo(Long.class).one();
    drawn = new long[0];
    taken = 0;
  }

  void inserted(String id, String table) {
    inserted.put(id, table);
  }

  /** Whether this load inserted {@code id} into {@code table}. */
  boolean insertedInto(String id, String table) {
    return table.equals(inserted.get(id));
  }
}
