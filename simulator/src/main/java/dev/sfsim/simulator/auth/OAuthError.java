package dev.sfsim.simulator.auth;

/**
 * An OAuth endpoint failure: Salesforce answers these with a flat {@code
 * {"error","error_description"}} body ("OAuth 2.0 Token Endpoint Error Codes", Salesforce Help),
 * not the REST error array. Its {@code status} is the HTTP status, 400 unless stated.
 */
final class OAuthError extends RuntimeException {
  final int status;
  final String error;
  final String description;

  OAuthError(int status, String error, String description) {
    super(error + ": " + description, null, false, false);
    this.status = status;
    this.error = error;
    this.description = description;
  }

  OAuthError(String error, String description) {
    this(400, error, description);
  }

  static OAuthError authenticationFailure() {
    return new OAuthError("invalid_grant", "authentication failure");
  }

  static OAuthError missing(String parameter) {
    return new OAuthError("invalid_request", "missing required parameter: " + parameter);
  }
}
