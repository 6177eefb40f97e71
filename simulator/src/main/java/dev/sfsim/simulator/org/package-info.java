/**
 * The org-level vocabulary every feature shares: who the org is ({@link
 * dev.sfsim.simulator.org.OrgIdentity}), the caller's {@link dev.sfsim.simulator.org.Session}, the
 * REST API version of a call ({@link dev.sfsim.simulator.org.ApiVersion}) and the error model
 * ({@link dev.sfsim.simulator.org.SalesforceException}: status, Salesforce error code, message).
 * Depends only on {@code ids}; imports neither Javalin nor Jdbi.
 */
package dev.sfsim.simulator.org;
