package dev.sfsim.simulator.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * Jdbi's {@link PostgresPlugin} (PostgreSQL's types as arguments and columns) without what it does
 * to every handle: hand the handle's connection the custom {@code PGobject} types registered on
 * {@code PostgresTypes} (the simulator registers none) and build the large-object API, whose first
 * use on a connection queries {@code pg_proc} (the simulator stores no large objects). That query
 * was a tenth of a start's time: the first statement of a start waited for it on a cold backend.
 */
final class PostgresTypesPlugin extends PostgresPlugin {
  @Override
  public Handle customizeHandle(Handle handle) {
    return handle;
  }
}
