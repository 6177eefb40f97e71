package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.persistence.ResetParticipant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What a reset clears of the records: every table of the catalog (standard objects, sales objects,
 * messaging objects), record ids restarting at 1000 and Case numbers at 1.
 */
public final class RecordReset implements ResetParticipant {
  private final Catalog catalog;

  public RecordReset(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<String> tables() {
    return catalog.all().stream().map(SObjectType::table).toList();
  }

  @Override
  public void afterTruncate(Handle h) {
    h.execute("ALTER SEQUENCE sfsim_id_seq RESTART WITH 1000");
    h.execute("ALTER SEQUENCE cases_name_seq RESTART WITH 1");
  }
}
