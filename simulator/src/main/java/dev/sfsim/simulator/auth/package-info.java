/**
 * Authentication: OAuth 2.0 flows (password, client credentials, JWT bearer, web server and
 * user-agent with the login page, refresh, revoke, introspect), the SOAP login, identity URLs,
 * certificates, access tokens and their cache ({@code TokenService}), and the filters that check
 * them: {@link dev.sfsim.simulator.auth.AuthFilter} (the token check of every API call) and {@link
 * dev.sfsim.simulator.auth.AdminTokenFilter} ({@code SFSIM_ADMIN_TOKEN}). Depends on {@code http},
 * {@code org} and {@code clock}.
 */
package dev.sfsim.simulator.auth;
