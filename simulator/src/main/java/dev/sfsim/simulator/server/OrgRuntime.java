package dev.sfsim.simulator.server;

import dev.sfsim.simulator.admin.ResetService;

/**
 * One org's services, routes and background work: everything that belongs to one org is built here,
 * over the Jdbi of the org's schema, so orgs never see each other's data.
 *
 * @param start starts the org's periodic work (its dispatcher's ticks), run once when the org is
 *     put to use: a spare kept ready does nothing until it is handed out
 * @param background stops that work, waiting for a run in progress (before the schema is dropped)
 */
public record OrgRuntime(
    OrgRouter.RoutedOrg routed,
    String schema,
    ResetService reset,
    Runnable start,
    AutoCloseable background) {}
