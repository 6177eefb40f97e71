package dev.sfsim.testcontainers.junit;

import dev.sfsim.testcontainers.admin.OrgCredentials;
import dev.sfsim.testcontainers.admin.SalesforceSession;
import dev.sfsim.testcontainers.admin.SimulatorAdminClient;
import dev.sfsim.testcontainers.admin.SimulatorAssertions;

/**
 * What a test needs to talk to its org of the simulator, as {@link SalesforceSimulatorTest} hands
 * it to test methods: the URLs, the credentials of the OAuth username-password flow, a ready access
 * token, the admin client, the org's own API session and the assertions.
 */
public final class SalesforceSimulator {
  private final OrgCredentials org;
  private final String apiVersion;
  private final SimulatorAdminClient admin;

  SalesforceSimulator(OrgCredentials org, String apiVersion, SimulatorAdminClient admin) {
    this.org = org;
    this.apiVersion = apiVersion;
    this.admin = admin;
  }

  /**
   * {@code http://host:port}: what {@code instance_url} of a token response says, no trailing
   * slash.
   */
  public String getInstanceUrl() {
    return org.instanceUrl();
  }

  /** The OAuth 2.0 token endpoint, {@code getInstanceUrl() + "/services/oauth2/token"}. */
  public String getTokenUrl() {
    return org.tokenUrl();
  }

  /** {@code getInstanceUrl() + "/services/data/vNN.N"}. */
  public String getDataUrl() {
    return org.instanceUrl() + "/services/data/v" + apiVersion;
  }

  /** The org id ({@code 00D...}, 18 characters). */
  public String getOrgId() {
    return org.orgId();
  }

  public String getClientId() {
    return org.clientId();
  }

  public String getClientSecret() {
    return org.clientSecret();
  }

  public String getUsername() {
    return org.username();
  }

  public String getPassword() {
    return org.password();
  }

  /** A fresh access token of this org (tokens end with a reset). */
  public String getAccessToken() {
    return admin.session().accessToken();
  }

  /**
   * The admin client of this org: fixtures, reset, outbox, clock, faults, journal, orgs, events;
   * {@code admin().conversation()} plays the end user and the agent.
   */
  public SimulatorAdminClient admin() {
    return admin;
  }

  /** This org's Salesforce API as the test's own client: token, SOQL, sObject calls. */
  public SalesforceSession session() {
    return admin.session();
  }

  /**
   * Awaiting and verifying outcomes: a send request completing, an event, calls in the request
   * journal.
   */
  public SimulatorAssertions assertions() {
    return admin.assertions();
  }

  @Override
  public String toString() {
    return "SalesforceSimulator[" + org + "]";
  }
}
