package dev.sfsim.simulator.org;

import dev.sfsim.simulator.ids.SalesforceIds;

/**
 * Who the simulated org is: its id, its API user (the credentials the token endpoint accepts) and
 * the Platform Integration User that owns sessions of queued send requests
 * ("sendConversationMessages", Actions Developer Guide).
 *
 * @param orgId 18-character Organization id ({@code 00D...})
 * @param orgName Organization.Name
 * @param userId 18-character id of the API user ({@code 005...})
 * @param username the API user's Username
 * @param integrationUserId 18-character id of the Platform Integration User
 * @param clientId accepted consumer key
 * @param clientSecret accepted consumer secret
 * @param password the API user's password
 */
public record OrgIdentity(
    String orgId,
    String orgName,
    String userId,
    String username,
    String integrationUserId,
    String clientId,
    String clientSecret,
    String password) {

  /** The default org of a simulator, with fixed ids so tests and fixtures can rely on them. */
  public static OrgIdentity defaultOrg(
      String username, String clientId, String clientSecret, String password) {
    return new OrgIdentity(
        SalesforceIds.generate("00D", 1),
        "sfsim",
        SalesforceIds.generate("005", 1),
        username,
        SalesforceIds.generate("005", 2),
        clientId,
        clientSecret,
        password);
  }

  /**
   * A new org with random ids and credentials (for {@code POST /__admin/orgs}): ids unlikely to
   * collide with any other org's, a username {@code admin@<orgId15>.sfsim.example}, random client
   * secret and password.
   */
  public static OrgIdentity generate(java.util.random.RandomGenerator random) {
    long n = 1_000_000L + random.nextLong(1L << 48);
    String orgId = SalesforceIds.generate("00D", n);
    String id15 = SalesforceIds.to15(orgId);
    return new OrgIdentity(
        orgId,
        "sfsim " + id15,
        SalesforceIds.generate("005", n),
        "admin@" + id15.toLowerCase() + ".sfsim.example",
        SalesforceIds.generate("005", n + 1),
        "sfsim-" + token(random, 16),
        token(random, 32),
        token(random, 20));
  }

  private static String token(java.util.random.RandomGenerator random, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** The 15-character org id, as access tokens and SOAP server URLs carry it. */
  public String orgId15() {
    return SalesforceIds.to15(orgId);
  }
}
