package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One org's Salesforce API as user code calls it, for a test's own checks: an access token from the
 * OAuth 2.0 username-password flow (<a
 * href="https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_username_password_flow.htm">OAuth
 * 2.0 Username-Password Flow</a>), SOQL queries and sObject calls of the REST API (<a
 * href="https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_rest.htm">REST
 * API Developer Guide</a>). Each call logs in afresh, so a reset (which ends every token) never
 * breaks it. Records come back as maps of their JSON members ({@code attributes} included), with
 * nested records as maps and numbers as {@link Integer}/{@link Long}/{@link Double}.
 *
 * <pre>{@code
 * SalesforceSession org = sfsim.getAdminClient().session();
 * String id = org.create("Account", Map.of("Name", "Acme"));
 * assertThat(org.query("SELECT Name FROM Account")).extracting(r -> r.get("Name")).containsExactly("Acme");
 * }</pre>
 *
 * Every method throws {@link SimulatorAdminException} with Salesforce's status and error body when
 * the org refuses a call (for example 400 {@code MALFORMED_QUERY}, 404 {@code NOT_FOUND}).
 */
public final class SalesforceSession {
  private final String instanceUrl;
  private final String apiVersion;
  private final String clientId;
  private final String clientSecret;
  private final String username;
  private final String password;
  private final AdminHttp http = new AdminHttp(null);

  /** The token this session's last login obtained, for polls that reuse it. */
  private volatile @Nullable String lastToken;

  /**
   * @param instanceUrl the simulator's base URL, e.g. {@code http://localhost:32768}
   * @param apiVersion REST API version of data calls, e.g. {@code "60.0"}
   * @param clientId the connected app's consumer key
   * @param clientSecret its consumer secret
   * @param username the org's user
   * @param password that user's password
   */
  public SalesforceSession(
      String instanceUrl,
      String apiVersion,
      String clientId,
      String clientSecret,
      String username,
      String password) {
    this.instanceUrl = Objects.requireNonNull(instanceUrl, "instanceUrl");
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.username = username;
    this.password = password;
  }

  /** The same simulator and API version, another org's credentials. */
  SalesforceSession withCredentials(
      String clientId, String clientSecret, String username, String password) {
    return new SalesforceSession(
        instanceUrl, apiVersion, clientId, clientSecret, username, password);
  }

  /**
   * @return {@code instanceUrl + "/services/data/v" + apiVersion}, the base of REST calls
   */
  public String dataUrl() {
    return instanceUrl + "/services/data/v" + apiVersion;
  }

  /**
   * A fresh access token ({@code POST /services/oauth2/token}, {@code grant_type=password}).
   *
   * @throws SimulatorAdminException 400 {@code invalid_grant} / {@code invalid_client_id} when the
   *     org refuses the credentials
   */
  public String accessToken() {
    Map<String, @Nullable String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    form.put("username", username);
    form.put("password", password);
    String body =
        http.send(
            "POST",
            instanceUrl + "/services/oauth2/token",
            "application/x-www-form-urlencoded",
            AdminUrls.query(form).substring(1),
            null);
    String token = AdminHttp.tree(body).path("access_token").asText();
    lastToken = token;
    return token;
  }

  /**
   * Runs a SOQL query ({@code GET /services/data/vNN.N/query}).
   *
   * @return the {@code records} of the first page, each a map of its fields
   */
  public List<Map<String, Object>> query(String soql) {
    return query(accessToken(), soql);
  }

  /**
   * A query under the token of this session's last login, logging in again when there is none or
   * the org answers 401 ({@code INVALID_SESSION_ID}: a reset or a revocation ended it, or it
   * expired), as a client holding a session does: a poll costs no login (an insert in the org).
   */
  List<Map<String, Object>> queryReusingToken(String soql) {
    String token = lastToken;
    if (token != null) {
      try {
        return query(token, soql);
      } catch (SimulatorAdminException e) {
        if (e.status() != 401) {
          throw e;
        }
      }
    }
    return query(accessToken(), soql);
  }

  List<Map<String, Object>> query(String token, String soql) {
    String url = dataUrl() + "/query?q=" + AdminUrls.enc(soql);
    JsonNode body = AdminHttp.tree(http.send("GET", url, null, null, token));
    return AdminHttp.readMaps(body.path("records"));
  }

  /**
   * The {@code Id} of the only record a query returns.
   *
   * @throws AssertionError when it returns none or several
   */
  public String queryId(String soql) {
    List<Map<String, Object>> records = query(soql);
    if (records.size() != 1) {
      throw new AssertionError(
          "Expected one record from " + soql + ", got " + records.size() + ": " + records);
    }
    return String.valueOf(records.get(0).get("Id"));
  }

  /**
   * Creates a record ({@code POST /services/data/vNN.N/sobjects/{type}}).
   *
   * @param type the sObject's API name, e.g. {@code Account}
   * @param fields field API names and values, as the REST API takes them
   * @return the new record's 18-character id
   */
  public String create(String type, Map<String, ?> fields) {
    String body =
        http.send(
            "POST",
            dataUrl() + "/sobjects/" + AdminUrls.enc(type),
            "application/json",
            AdminHttp.write(fields),
            accessToken());
    return AdminHttp.tree(body).path("id").asText();
  }

  /** Reads a record ({@code GET /services/data/vNN.N/sobjects/{type}/{id}}) with all its fields. */
  public Map<String, Object> retrieve(String type, String id) {
    String url = dataUrl() + "/sobjects/" + AdminUrls.enc(type) + "/" + AdminUrls.enc(id);
    return AdminHttp.readMap(http.send("GET", url, null, null, accessToken()));
  }

  /** Updates fields of a record ({@code PATCH /services/data/vNN.N/sobjects/{type}/{id}}). */
  public void update(String type, String id, Map<String, ?> fields) {
    String url = dataUrl() + "/sobjects/" + AdminUrls.enc(type) + "/" + AdminUrls.enc(id);
    http.send("PATCH", url, "application/json", AdminHttp.write(fields), accessToken());
  }

  /** Deletes a record ({@code DELETE /services/data/vNN.N/sobjects/{type}/{id}}). */
  public void delete(String type, String id) {
    String url = dataUrl() + "/sobjects/" + AdminUrls.enc(type) + "/" + AdminUrls.enc(id);
    http.send("DELETE", url, null, null, accessToken());
  }
}
