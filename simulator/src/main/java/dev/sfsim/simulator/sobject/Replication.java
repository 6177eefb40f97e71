package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.catalog.FieldValues;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * {@code GET /sobjects/X/updated/?start=&end=} and {@code /deleted/?start=&end=} ("Get a List of
 * Updated Records", "Get a List of Deleted Records", REST API Developer Guide): the window is cut
 * to whole minutes and to now ({@code latestDateCovered}); a start more than 30 days back, or an
 * end not after the start, is 400 {@code INVALID_REPLICATION_DATE}; more than 600,000 ids is 400
 * {@code EXCEEDED_ID_LIMIT}.
 */
final class Replication {
  static final int MAX_IDS = 600_000;
  private static final Duration HORIZON = Duration.ofDays(30);
  private static final DateTimeFormatter INPUT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm[:ss]")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .appendPattern("[XXX][XX][X]")
          .toFormatter();

  private Replication() {}

  static Map<String, Object> updated(
      Handle h, SObjectType type, Map<String, String> query, Instant now) {
    Window w = window(query, now);
    List<String> ids = RecordReader.updated(h, type, w.start, w.end, MAX_IDS + 1);
    checkSize(ids.size());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ids", ids);
    m.put("latestDateCovered", FieldValues.formatDateTime(w.end));
    return m;
  }

  static Map<String, Object> deleted(
      Handle h, SObjectType type, Map<String, String> query, Instant now) {
    Window w = window(query, now);
    List<RecordReader.Deleted> rows =
        RecordReader.deletedBetween(h, type, w.start, w.end, MAX_IDS + 1);
    checkSize(rows.size());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "deletedRecords",
        rows.stream()
            .map(
                d -> {
                  Map<String, Object> r = new LinkedHashMap<>();
                  r.put("id", d.id());
                  r.put("deletedDate", FieldValues.formatDateTime(d.deletedDate()));
                  return r;
                })
            .toList());
    m.put(
        "earliestDateAvailable",
        FieldValues.formatDateTime(now.minus(HORIZON).truncatedTo(ChronoUnit.MINUTES)));
    m.put("latestDateCovered", FieldValues.formatDateTime(w.end));
    return m;
  }

  private record Window(Instant start, Instant end) {}

  private static Window window(Map<String, String> query, Instant now) {
    Instant start = parse(query, "start").truncatedTo(ChronoUnit.MINUTES);
    Instant end = parse(query, "end").truncatedTo(ChronoUnit.MINUTES);
    Instant latest = now.truncatedTo(ChronoUnit.MINUTES);
    if (end.isAfter(latest)) {
      end = latest;
    }
    if (start.isBefore(now.minus(HORIZON))) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_REPLICATION_DATE, "startDate cannot be more than 30 days ago");
    }
    if (!end.isAfter(start)) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_REPLICATION_DATE,
          "startDate must chronologically precede endDate by more than one minute");
    }
    return new Window(start, end);
  }

  private static Instant parse(Map<String, String> query, String name) {
    String raw = query.get(name);
    if (raw == null || raw.isBlank()) {
      throw SalesforceException.badRequest(ErrorCode.MISSING_ARGUMENT, name + " not specified");
    }
    // An unencoded '+' of the offset arrives as a space.
    String text = raw.trim().replace(' ', '+');
    try {
      return OffsetDateTime.parse(text, INPUT).toInstant();
    } catch (DateTimeParseException e) {
      throw SalesforceException.badRequest(
          ErrorCode.INVALID_REPLICATION_DATE, "Invalid " + name + " date: " + raw);
    }
  }

  private static void checkSize(int n) {
    if (n > MAX_IDS) {
      throw SalesforceException.badRequest(
          ErrorCode.EXCEEDED_ID_LIMIT, "The number of ids is over the limit of " + MAX_IDS);
    }
  }
}
