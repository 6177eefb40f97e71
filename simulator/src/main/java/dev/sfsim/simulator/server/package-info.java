/**
 * Where requests meet orgs: the org directory (the default org and those made by {@code POST
 * /__admin/orgs}), each org's runtime, and the router that chooses the request's org once and hands
 * the request to that org's route table. The only package that knows every feature; only the root
 * package is above it.
 */
package dev.sfsim.simulator.server;
