package dev.sfsim.simulator.composite;

import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Runs one unit of a composite call inside a savepoint, so its failure undoes only its own writes.
 */
final class Savepoints {
  private static final String NAME = "sfsim_unit";

  private Savepoints() {}

  static <T> T run(Handle h, Supplier<T> unit) {
    h.savepoint(NAME);
    try {
      T result = unit.get();
      h.releaseSavepoint(NAME);
      return result;
    } catch (RuntimeException e) {
      h.rollbackToSavepoint(NAME);
      throw e;
    }
  }
}
