package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The answer of {@code GET /__admin/health}.
 *
 * @param status {@code UP} once the simulator accepts API calls; {@code DOWN} (with HTTP 503) while
 *     its database does not answer
 * @param version the simulator's version, e.g. {@code 0.1.0}
 * @param database where the simulator keeps its data
 */
public record HealthStatus(State status, String version, Database database) {

  /** Whether the simulator answers API calls. */
  public enum State {
    UP,
    DOWN
  }

  /** Where the simulator keeps its data. */
  public enum Database {
    /** PostgreSQL inside the simulator ({@code embedded} on the wire). */
    EMBEDDED,
    /** The database of {@code SFSIM_DATABASE_URL} ({@code external} on the wire). */
    EXTERNAL;

    /**
     * @return {@code embedded} or {@code external}
     */
    @JsonValue
    public String wireValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
