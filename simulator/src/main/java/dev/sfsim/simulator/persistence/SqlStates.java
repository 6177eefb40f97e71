package dev.sfsim.simulator.persistence;

import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place PostgreSQL SQLStates become Salesforce errors, for failures that client input or
 * load can cause: {@code 23505} unique violation → 400 {@code DUPLICATE_VALUE}; {@code 22xxx} data
 * exceptions → 400 {@code INVALID_INPUT}; a lock not obtained within the lock timeout ({@code
 * 55P03}), a deadlock ({@code 40P01}) or a serialization failure ({@code 40001}) → 400 {@code
 * UNABLE_TO_LOCK_ROW} "unable to obtain exclusive access to this record" (the error Salesforce
 * answers when another transaction holds the record: "Core Data Types Used in API Calls",
 * StatusCode); a statement cancelled by the statement timeout ({@code 57014}) → 400 {@code
 * QUERY_TIMEOUT}; no pooled connection within the pool's timeout → 503 {@code SERVER_UNAVAILABLE}
 * (a busy server; also {@code 08xxx} connection failures and {@code 57P0x} server shutdowns, while
 * the database is down: "Status Codes and Error Responses", REST API Developer Guide). Messages
 * never carry PostgreSQL's text (it would show table, column and SQL details Salesforce never
 * shows). Anything else stays an unexpected error (500 {@code UNKNOWN_EXCEPTION}, logged).
 */
public final class SqlStates {
  private static final Pattern KEY = Pattern.compile("Key \\((\\w+)\\)=\\(([^)]*)\\)");

  private SqlStates() {}

  /** Whether {@code t} was caused (at any depth) by an SQL error of SQLState {@code state}. */
  public static boolean causedBy(Throwable t, String state) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql && state.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The Salesforce error for an exception caused (at any depth) by a client-caused SQL error. */
  public static Optional<SalesforceException> toSalesforce(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.sql.SQLTransientConnectionException) {
        return Optional.of(
            new SalesforceException(
                503,
                ErrorCode.SERVER_UNAVAILABLE,
                "The server is busy and cannot handle the request now. Try again later."));
      }
      if (c instanceof SQLException sql && sql.getSQLState() != null) {
        return map(sql);
      }
    }
    return Optional.empty();
  }

  private static Optional<SalesforceException> map(SQLException e) {
    String state = e.getSQLState();
    if (state.equals("23505")) {
      Matcher m = KEY.matcher(String.valueOf(e.getMessage()));
      boolean found = m.find();
      String field = !found || m.group(1).equals("id") ? "Id" : m.group(1);
      String value = found ? m.group(2) : "";
      return Optional.of(
          SalesforceException.badRequest(
              ErrorCode.DUPLICATE_VALUE,
              "duplicate value found: " + field + " duplicates value on record with id: " + value,
              List.of(field)));
    }
    if (state.startsWith("08")
        || state.startsWith("57P")) { // connection lost, server shut down or crashed
      return Optional.of(
          new SalesforceException(
              503,
              ErrorCode.SERVER_UNAVAILABLE,
              "The server is unavailable to handle the request: its database does not answer."));
    }
    if (state.startsWith("22")) {
      return Optional.of(
          SalesforceException.badRequest(
              ErrorCode.INVALID_INPUT, "The value cannot be stored: " + dataProblem(state)));
    }
    if (state.equals("55P03") || state.equals("40P01") || state.equals("40001")) {
      return Optional.of(
          SalesforceException.badRequest(
              ErrorCode.UNABLE_TO_LOCK_ROW, "unable to obtain exclusive access to this record"));
    }
    if (state.equals("57014")) {
      return Optional.of(
          SalesforceException.badRequest(
              ErrorCode.QUERY_TIMEOUT, "Your query request was running for too long."));
    }
    return Optional.empty();
  }

  /** What is wrong with a value, in our words (PostgreSQL's would name types and SQL). */
  private static String dataProblem(String state) {
    return switch (state) {
      case "22001" -> "a text value is longer than the field allows.";
      case "22003" -> "a number is out of range.";
      case "22007", "22008" -> "a date or time is invalid or out of range.";
      case "22021", "22P05" ->
          "a text value contains a character that cannot be stored (such as NUL, U+0000).";
      case "22P02" -> "a value has the wrong format for its field.";
      default -> "the value is invalid for its field.";
    };
  }
}
