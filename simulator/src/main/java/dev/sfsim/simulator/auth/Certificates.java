package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.org.SalesforceException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The X.509 certificates JWT bearer assertions are verified with — what a connected app's "Use
 * digital signatures" upload is in a real org. Registered through {@code POST
 * /__admin/oauth/certificates}; they are configuration, so {@code /__admin/reset} keeps them.
 */
public final class Certificates {
  /** A registered certificate as the admin API lists it. */
  public record Registered(long id, String subject, Instant notAfter) {}

  private final Jdbi jdbi;
  private final SimClock clock;

  public Certificates(Jdbi jdbi, SimClock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Registers a PEM-encoded X.509 certificate ({@code -----BEGIN CERTIFICATE-----}).
   *
   * @throws SalesforceException 400 {@code INVALID_CERTIFICATE} when the text is not one
   */
  public Registered register(String pem) {
    X509Certificate cert = parse(pem);
    Instant notAfter = cert.getNotAfter().toInstant();
    String subject = cert.getSubjectX500Principal().getName();
    long id =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO oauth_certificate (pem, subject, not_after, registered_at)
                        VALUES (:pem, :subject, :notAfter, :now)""")
                    .bind("pem", pem.trim())
                    .bind("subject", subject)
                    .bind("notAfter", notAfter)
                    .bind("now", clock.now())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
    return new Registered(id, subject, notAfter);
  }

  public List<Registered> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, subject, not_after FROM oauth_certificate ORDER BY id")
                .map(
                    (rs, ctx) ->
                        new Registered(
                            rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list());
  }

  /** Removes every registered certificate. */
  public void clear() {
    jdbi.useHandle(h -> h.execute("DELETE FROM oauth_certificate"));
  }

  /** The public keys of every registered certificate that has not expired. */
  List<PublicKey> publicKeys() {
    Instant now = clock.now();
    return jdbi
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT pem FROM oauth_certificate WHERE not_after > :now ORDER BY id")
                    .bind("now", now)
                    .mapTo(String.class)
                    .list())
        .stream()
        .map(p -> parse(p).getPublicKey())
        .toList();
  }

  private static X509Certificate parse(String pem) {
    if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw SalesforceException.badRequest(
          "INVALID_CERTIFICATE",
          "Expected a PEM-encoded X.509 certificate (-----BEGIN CERTIFICATE-----)");
    }
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | ClassCastException e) {
      throw SalesforceException.badRequest(
          "INVALID_CERTIFICATE", "Not a readable X.509 certificate: " + e.getMessage());
    }
  }
}
