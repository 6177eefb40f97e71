package dev.sfsim.simulator.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A successful token endpoint answer ("OAuth 2.0 Username-Password Flow" and "OAuth 2.0 Refresh
 * Token Flow", Salesforce Help), keys in Salesforce's order; {@code refresh_token} only for the
 * grants that issue one.
 *
 * @param id the identity URL, {@code <instance>/id/<orgId>/<userId>}
 * @param issuedAt milliseconds since the epoch, as a string
 * @param signature Base64 HMAC-SHA256 of {@code id + issued_at} keyed by the client secret
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "access_token",
  "refresh_token",
  "instance_url",
  "id",
  "token_type",
  "issued_at",
  "signature",
  "scope"
})
record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("refresh_token") @Nullable String refreshToken,
    @JsonProperty("instance_url") String instanceUrl,
    @JsonProperty("id") String id,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("issued_at") String issuedAt,
    @JsonProperty("signature") String signature,
    @JsonProperty("scope") String scope) {}
