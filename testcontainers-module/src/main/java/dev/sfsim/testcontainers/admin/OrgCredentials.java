package dev.sfsim.testcontainers.admin;

/**
 * An org of the simulator ({@code POST /__admin/orgs}): its id, the credentials its token endpoint
 * accepts (OAuth username-password flow), and the base URL to call.
 */
public record OrgCredentials(
    String orgId,
    String clientId,
    String clientSecret,
    String username,
    String password,
    String instanceUrl) {

  /** {@code instanceUrl + "/services/oauth2/token"}. */
  public String tokenUrl() {
    return instanceUrl + "/services/oauth2/token";
  }

  @Override
  public String toString() {
    return "OrgCredentials[orgId="
        + orgId
        + ", username="
        + username
        + ", instanceUrl="
        + instanceUrl
        + "]";
  }
}
