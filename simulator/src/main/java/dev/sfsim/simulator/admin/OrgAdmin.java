package dev.sfsim.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsim.simulator.org.OrgIdentity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Creates, lists and drops orgs (admin API contract: {@code GET /__admin/openapi.json}); the
 * composition root implements it.
 */
public interface OrgAdmin {
  /**
   * Creates an org with its own schema, ids, users and credentials, loaded with the startup
   * fixtures and then {@code fixtures}.
   *
   * @param fixtures a fixtures body ({@code POST /__admin/fixtures} format), or null
   * @throws dev.sfsim.simulator.org.SalesforceException 400 when the fixtures are bad (nothing is
   *     created)
   */
  OrgIdentity create(@Nullable JsonNode fixtures);

  /** Every org, the default org first. */
  List<OrgIdentity> list();

  /**
   * Drops an org and all its data.
   *
   * @return false when there is no such org
   * @throws dev.sfsim.simulator.org.SalesforceException 400 for the default org
   */
  boolean delete(String orgId);
}
