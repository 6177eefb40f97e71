/**
 * The clients of one simulator org, split by role: {@link
 * dev.sfsim.testcontainers.admin.SimulatorAdminClient} (the simulator-only admin API, {@code
 * /__admin/...}: fixtures, reset, outbox, clock, faults, journal, certificates, orgs, events) with
 * {@link dev.sfsim.testcontainers.admin.ConversationActions} (the end user's and the agent's side
 * of a conversation); {@link dev.sfsim.testcontainers.admin.SalesforceSession} (the org's own
 * Salesforce API as a test calls it: OAuth login, SOQL, sObjects); {@link
 * dev.sfsim.testcontainers.admin.SimulatorAssertions} (awaiting and verifying outcomes). Results
 * are records, closed sets enums, failures {@link
 * dev.sfsim.testcontainers.admin.SimulatorAdminException}; JDK types only in the public API
 * (Jackson stays inside); admin URLs come from the simulator's {@code AdminPaths}. Depends on
 * nothing else of the module.
 */
package dev.sfsim.testcontainers.admin;
