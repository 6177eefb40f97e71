package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.http.ErrorRenderer;
import dev.sfsim.simulator.http.Requests;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.OrgIdentity;
import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.org.Session;
import io.javalin.http.Context;

/**
 * The Partner SOAP API at {@code POST /services/Soap/u/{version}} (any version; also the {@code
 * serverUrl} form {@code .../u/{version}/{orgId15}}): {@code login} ("login()", SOAP API Developer
 * Guide) and {@code logout} (revokes the {@code SessionHeader}'s session). Wrong credentials are
 * HTTP 500 with the {@code INVALID_LOGIN} fault; other operations are 501 {@code
 * NOT_SUPPORTED_BY_SIMULATOR}.
 */
public final class SoapRoutes {
  private static final String CONTENT_TYPE = "text/xml;charset=UTF-8";

  private final OrgIdentity org;
  private final TokenService tokens;

  public SoapRoutes(OrgIdentity org, TokenService tokens) {
    this.org = org;
    this.tokens = tokens;
  }

  public void soap(Context ctx) {
    SoapEnvelope request;
    try {
      request = SoapEnvelope.parse(ctx.body());
    } catch (IllegalArgumentException e) {
      answer(ctx, 500, ErrorRenderer.soapClientFault(e.getMessage()));
      return;
    }
    switch (request.operation()) {
      case "login" -> login(ctx, request);
      case "logout" -> logout(ctx, request);
      default ->
          answer(
              ctx,
              ErrorCode.NOT_SUPPORTED_BY_SIMULATOR.status(),
              ErrorRenderer.soapFault(
                  ErrorCode.NOT_SUPPORTED_BY_SIMULATOR,
                  SalesforceException.notSupported("SOAP operation " + request.operation())
                      .getMessage(),
                  null));
    }
  }

  private void login(Context ctx, SoapEnvelope request) {
    String username = request.fields().get("username");
    String password = request.fields().get("password");
    if (username == null
        || !org.username().equalsIgnoreCase(username.trim())
        || !Grants.equal(org.password(), password)) {
      answer(
          ctx,
          500,
          ErrorRenderer.soapFault(
              ErrorCode.INVALID_LOGIN,
              "Invalid username, password, security token; or user locked out.",
              "LoginFault"));
      return;
    }
    Session s = tokens.issue(org, org.userId());
    String version = ctx.pathParam("version");
    answer(
        ctx,
        200,
        SoapMessages.loginResponse(
            org, s, Requests.instanceUrl(ctx), version, tokens.lifetime().toSeconds()));
  }

  private void logout(Context ctx, SoapEnvelope request) {
    if (request.sessionId() == null || tokens.validate(request.sessionId()).isEmpty()) {
      answer(
          ctx,
          500,
          ErrorRenderer.soapFault(
              ErrorCode.INVALID_SESSION_ID,
              "Invalid Session ID found in SessionHeader: Illegal Session",
              "UnexpectedErrorFault"));
      return;
    }
    tokens.revoke(request.sessionId());
    answer(ctx, 200, SoapMessages.logoutResponse());
  }

  private static void answer(Context ctx, int status, String xml) {
    ctx.status(status).contentType(CONTENT_TYPE).result(xml);
  }
}
