package dev.sfsim.testcontainers.admin;

/**
 * Stand-in for the simulator's {@code AdminPaths} until it is published: the admin API's paths, as
 * the server registers them ({@code {name}} marks a path parameter).
 */
final class AdminPaths {
  static final String ADMIN = "/__admin";
  static final String HEALTH = ADMIN + "/health";
  static final String FIXTURES = ADMIN + "/fixtures";
  static final String RESET = ADMIN + "/reset";
  static final String OUTBOX = ADMIN + "/outbox";
  static final String CLOCK = ADMIN + "/clock";
  static final String FAULTS = ADMIN + "/faults";
  static final String FAULT = FAULTS + "/{id}";
  static final String INBOUND = ADMIN + "/messaging/inbound";
  static final String DELIVERED = ADMIN + "/messaging/{messageIdentifier}/delivered";
  static final String READ = ADMIN + "/messaging/{messageIdentifier}/read";
  static final String SESSION_ACCEPT = ADMIN + "/messaging/sessions/{id}/accept";
  static final String SESSION_TRANSFER = ADMIN + "/messaging/sessions/{id}/transfer";
  static final String SESSION_END = ADMIN + "/messaging/sessions/{id}/end";
  static final String SESSION_ERROR = ADMIN + "/messaging/sessions/{id}/error";
  static final String REQUESTS = ADMIN + "/requests";
  static final String EVENTS = ADMIN + "/events";
  static final String ORGS = ADMIN + "/orgs";
  static final String ORG = ORGS + "/{orgId}";
  static final String CERTIFICATES = ADMIN + "/oauth/certificates";

  private AdminPaths() {}
}
