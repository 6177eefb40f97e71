package dev.sfsim.simulator.soql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A query parameter that depends on the simulated clock: the start or end of a relative date
 * literal's range, computed when the query runs (so compiled plans stay cacheable). Binds as a
 * LocalDate for date fields and as an OffsetDateTime (UTC midnight) for date-time fields.
 *
 * @param literal the literal's name, {@code LAST_N_DAYS}
 * @param n its number, 0 when none
 * @param end true for the (exclusive) end of the range, false for its start
 * @param dateTime whether the compared field is a date-time
 */
public record DateBound(String literal, int n, boolean end, boolean dateTime) {

  /** The value to bind at simulated instant {@code now}. */
  public Object value(Instant now) {
    DateLiterals.Range range =
        DateLiterals.range(literal, n, LocalDate.ofInstant(now, ZoneOffset.UTC));
    LocalDate day = end ? range.end() : range.start();
    return dateTime ? day.atStartOfDay().atOffset(ZoneOffset.UTC) : day;
  }

  @Override
  public String toString() {
    return literal
        + (n > 0 || DateLiterals.takesN(literal) ? ":" + n : "")
        + (end ? ".end" : ".start");
  }
}
