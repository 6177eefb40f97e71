/**
 * The simulator-only admin API ({@code /__admin/...}, paths in {@link
 * dev.sfsim.simulator.admin.AdminPaths}): fixtures, reset ({@code ResetService}), the clock, fault
 * rules, inbound messages and receipts, session actions, the event stream, the request journal,
 * orgs, the OpenAPI document and the web console. Above the features it administers.
 */
package dev.sfsim.simulator.admin;
