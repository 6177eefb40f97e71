package dev.sfsim.simulator.server;

import dev.sfsim.simulator.admin.ResetService;

/**
 * One org's services, routes and background work: everything that belongs to one org is built here,
 * over the Jdbi of the org's schema, so orgs never see each other's data.
 */
public record OrgRuntime(
    OrgRouter.RoutedOrg routed, String schema, ResetService reset, AutoCloseable background) {}
