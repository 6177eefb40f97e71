package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.persistence.ResetParticipant;
import java.util.List;

/**
 * What a reset clears of authentication: access and refresh tokens and pending authorization codes.
 * Registered certificates stay.
 */
public final class AuthReset implements ResetParticipant {
  @Override
  public List<String> tables() {
    return List.of("access_token", "refresh_token", "oauth_authorization_code");
  }
}
