package dev.sfsim.testcontainers.admin;

/**
 * The answer of {@code GET /__admin/health}.
 *
 * @param status {@code UP} once the simulator accepts API calls; {@code DOWN} (with HTTP 503) while
 *     its database does not answer
 * @param version the simulator's version, e.g. {@code 0.1.0}
 * @param database {@code embedded} (PostgreSQL inside the simulator) or {@code external} ({@code
 *     SFSIM_DATABASE_URL})
 */
public record HealthStatus(String status, String version, String database) {}
