package dev.sfsim.simulator.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/**
 * The OAuth token endpoint called as a client does: a form POST to {@code /services/oauth2/token}.
 */
final class TokenCalls {
  private TokenCalls() {}

  /**
   * POSTs {@code form} url-encoded to {@code base}'s token endpoint; the response, for asserting.
   */
  static ValidatableResponse post(String base, Map<String, ?> form) {
    return given()
        .baseUri(base)
        .contentType(ContentType.URLENC)
        .formParams(form)
        .post("/services/oauth2/token")
        .then();
  }
}
