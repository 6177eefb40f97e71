package dev.sfsim.testcontainers.admin;

import java.time.Instant;

/**
 * A certificate registered for the OAuth JWT bearer flow ({@code POST
 * /__admin/oauth/certificates}), as a connected app's certificate upload registers it: assertions
 * signed with its key are accepted.
 *
 * @param id the simulator's id of the registration
 * @param subject the certificate's subject distinguished name, e.g. {@code CN=sfsim test}
 * @param notAfter the end of its validity
 */
public record OAuthCertificate(String id, String subject, Instant notAfter) {}
