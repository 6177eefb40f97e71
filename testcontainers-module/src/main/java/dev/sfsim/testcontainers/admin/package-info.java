/**
 * The client of the simulator-only admin API ({@code /__admin/...}): {@link
 * dev.sfsim.testcontainers.admin.SimulatorAdminClient} with its result types (outbox messages, send
 * request and session states, the clock, fault rules, the request journal, OAuth certificates,
 * orgs) and {@link dev.sfsim.testcontainers.admin.SimulatorAdminException}. JDK types in the public
 * API; depends on nothing else of the module.
 */
package dev.sfsim.testcontainers.admin;
