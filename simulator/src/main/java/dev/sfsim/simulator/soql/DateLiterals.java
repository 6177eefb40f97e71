package dev.sfsim.simulator.soql;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The day ranges of relative date literals ("Date Formats and Date Literals", SOQL and SOSL
 * Reference), in the simulated org's time zone (GMT): weeks start on Sunday, the fiscal year is the
 * calendar year (Salesforce's default fiscal settings). A range is {@code [start, end)} in days.
 */
final class DateLiterals {
  private DateLiterals() {}

  /** Start and end (exclusive) of a literal's range. */
  record Range(LocalDate start, LocalDate end) {}

  /** Whether {@code name} is a literal this class knows, and whether it takes {@code :n}. */
  static boolean takesN(String name) {
    return name.contains("_N_");
  }

  static Range range(String name, int n, LocalDate today) {
    LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    LocalDate month = today.withDayOfMonth(1);
    LocalDate quarter = month.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
    LocalDate year = today.withDayOfYear(1);
    String key = name.replace("_FISCAL", "");
    return switch (key) {
      case "YESTERDAY" -> days(today.minusDays(1), 1);
      case "TODAY" -> days(today, 1);
      case "TOMORROW" -> days(today.plusDays(1), 1);
      case "LAST_WEEK" -> days(week.minusWeeks(1), 7);
      case "THIS_WEEK" -> days(week, 7);
      case "NEXT_WEEK" -> days(week.plusWeeks(1), 7);
      case "LAST_MONTH" -> new Range(month.minusMonths(1), month);
      case "THIS_MONTH" -> new Range(month, month.plusMonths(1));
      case "NEXT_MONTH" -> new Range(month.plusMonths(1), month.plusMonths(2));
      case "LAST_90_DAYS" -> new Range(today.minusDays(90), today.plusDays(1));
      case "NEXT_90_DAYS" -> days(today.plusDays(1), 90);
      case "LAST_N_DAYS" -> new Range(today.minusDays(n), today.plusDays(1));
      case "NEXT_N_DAYS" -> days(today.plusDays(1), n);
      case "N_DAYS_AGO" -> days(today.minusDays(n), 1);
      case "LAST_N_WEEKS" -> new Range(week.minusWeeks(n), week);
      case "NEXT_N_WEEKS" -> new Range(week.plusWeeks(1), week.plusWeeks(1L + n));
      case "N_WEEKS_AGO" -> days(week.minusWeeks(n), 7);
      case "LAST_N_MONTHS" -> new Range(month.minusMonths(n), month);
      case "NEXT_N_MONTHS" -> new Range(month.plusMonths(1), month.plusMonths(1L + n));
      case "N_MONTHS_AGO" -> new Range(month.minusMonths(n), month.minusMonths(n - 1L));
      case "LAST_QUARTER" -> new Range(quarter.minusMonths(3), quarter);
      case "THIS_QUARTER" -> new Range(quarter, quarter.plusMonths(3));
      case "NEXT_QUARTER" -> new Range(quarter.plusMonths(3), quarter.plusMonths(6));
      case "LAST_N_QUARTERS" -> new Range(quarter.minusMonths(3L * n), quarter);
      case "NEXT_N_QUARTERS" -> new Range(quarter.plusMonths(3), quarter.plusMonths(3L + 3L * n));
      case "N_QUARTERS_AGO" ->
          new Range(quarter.minusMonths(3L * n), quarter.minusMonths(3L * n - 3));
      case "LAST_YEAR" -> new Range(year.minusYears(1), year);
      case "THIS_YEAR" -> new Range(year, year.plusYears(1));
      case "NEXT_YEAR" -> new Range(year.plusYears(1), year.plusYears(2));
      case "LAST_N_YEARS" -> new Range(year.minusYears(n), year);
      case "NEXT_N_YEARS" -> new Range(year.plusYears(1), year.plusYears(1L + n));
      case "N_YEARS_AGO" -> new Range(year.minusYears(n), year.minusYears(n - 1L));
      default -> throw new IllegalArgumentException("unknown date literal " + name);
    };
  }

  private static Range days(LocalDate start, long count) {
    return new Range(start, start.plusDays(count));
  }
}
