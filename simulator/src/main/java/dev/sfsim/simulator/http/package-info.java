/**
 * The web pieces every feature's routes share: request context and session lookup ({@code
 * Requests}), JSON and XML bodies, content negotiation, the error renderer, the request journal,
 * API usage counting, the Javalin server itself, and the org-level REST resources ({@code
 * /services/data}, {@code /limits}). Depends on {@code org}, {@code clock} and {@code persistence};
 * never on a feature package.
 */
package dev.sfsim.simulator.http;
