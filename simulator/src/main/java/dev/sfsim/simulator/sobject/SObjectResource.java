package dev.sfsim.simulator.sobject;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import dev.sfsim.simulator.catalog.SupportedCall;
import dev.sfsim.simulator.clock.SimClock;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Everything under {@code /services/data/vNN.N/sobjects} ("sObject Basic Information", "sObject
 * Describe", "Working with Records", REST API Developer Guide): describeGlobal, basic information,
 * describe (304 for {@code If-Modified-Since} not before the catalog's date), records by id and by
 * external id, {@code updated}/{@code deleted}. Objects and fields exist only from their first API
 * version; methods outside the object's supported calls are 405 {@code METHOD_NOT_ALLOWED} listing
 * the allowed ones, as Salesforce answers them.
 */
public final class SObjectResource {
  private static final int RECENT_ITEMS = 25;
  private final Catalog catalog;
  private final Describer describer;
  private final RecordOperations records;
  private final SimClock clock;
  private final Instant catalogModified;

  public SObjectResource(
      Catalog catalog, RecordOperations records, SimClock clock, Instant catalogModified) {
    this.catalog = catalog;
    this.describer = new Describer(catalog);
    this.records = records;
    this.clock = clock;
    this.catalogModified = catalogModified;
  }

  /**
   * @param r a request whose segments start after {@code sobjects}
   */
  public ApiResponse handle(Handle h, ApiRequest r) {
    if (r.segments().isEmpty()) {
      allow(r, "GET", "HEAD");
      return notModified(r)
          ? ApiResponse.notModified()
          : ApiResponse.ok(describer.global(r.version()));
    }
    SObjectType type =
        catalog
            .find(java.util.Objects.requireNonNull(r.segment(0)), r.version().value())
            .orElseThrow(SalesforceException::notFound);
    return switch (r.segments().size()) {
      case 1 -> object(h, type, r);
      case 2 -> second(h, type, r);
      case 3 -> third(h, type, r);
      default -> deeper(type, r);
    };
  }

  /** {@code /sobjects/X}: basic information (GET) and create (POST). */
  private ApiResponse object(Handle h, SObjectType type, ApiRequest r) {
    allow(
        r,
        type.supports(SupportedCall.CREATE)
            ? new String[] {"GET", "HEAD", "POST"}
            : new String[] {"GET", "HEAD"});
    if (r.method().equals("POST")) {
      return records.create(h, type, r);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objectDescribe", describer.entry(type, r.version()));
    m.put("recentItems", RecordReader.recent(h, type, r.version().basePath(), RECENT_ITEMS));
    return ApiResponse.ok(m);
  }

  private ApiResponse second(Handle h, SObjectType type, ApiRequest r) {
    String s = java.util.Objects.requireNonNull(r.segment(1));
    switch (s) {
      case "describe" -> {
        allow(r, "GET", "HEAD");
        return notModified(r)
            ? ApiResponse.notModified()
            : ApiResponse.ok(describer.describe(type, r.version()));
      }
      case "updated", "deleted" -> {
        allow(r, "GET", "HEAD");
        if (!type.supports(
            s.equals("updated") ? SupportedCall.GET_UPDATED : SupportedCall.GET_DELETED)) {
          throw SalesforceException.badRequest(
              ErrorCode.INVALID_TYPE_FOR_OPERATION,
              "entity type "
                  + type.name()
                  + " does not support "
                  + (s.equals("updated") ? "getUpdated" : "getDeleted"));
        }
        return ApiResponse.ok(
            s.equals("updated")
                ? Replication.updated(h, type, r.query(), clock.now())
                : Replication.deleted(h, type, r.query(), clock.now()));
      }
      case "Id" -> {
        if (r.method().equals("POST") && r.version().value() >= 37.0) {
          return object(h, type, r);
        }
      }
      default -> {}
    }
    if (List.of("quickActions", "listviews", "defaultValues", "eventSchema").contains(s)) {
      throw SalesforceException.notSupported("/sobjects/" + type.name() + "/" + s);
    }
    String id = RecordOperations.pathId(type, s);
    allow(r, recordMethods(type, SupportedCall.UPDATE));
    return switch (r.method()) {
      case "PATCH" -> {
        records.update(h, type, id, Bodies.fields(type, Bodies.object(r.body()), r.version()), r);
        yield ApiResponse.noContent();
      }
      case "DELETE" -> {
        records.delete(h, type, id, r);
        yield ApiResponse.noContent();
      }
      default -> ApiResponse.ok(records.retrieve(h, type, id, r));
    };
  }

  /**
   * {@code /sobjects/X/{Field}/{value}} (external id), or a relationship of a record (not
   * emulated).
   */
  private ApiResponse third(Handle h, SObjectType type, ApiRequest r) {
    if ("describe".equals(r.segment(1))) {
      return deeper(type, r);
    }
    Optional<SObjectField> key =
        type.field(java.util.Objects.requireNonNull(r.segment(1)), r.version().value());
    if (key.isEmpty()) {
      RecordOperations.pathId(type, r.segment(1));
      throw SalesforceException.notSupported(
          "Relationship traversal (/sobjects/" + type.name() + "/{id}/{relationship})");
    }
    SObjectField f = key.get();
    if (!f.name().equals("Id") && !f.attributes().externalId() && !f.attributes().idLookup()) {
      throw new SalesforceException(
          404,
          ErrorCode.NOT_FOUND,
          "Provided external ID field does not exist or is not accessible: " + r.segment(1));
    }
    allow(r, recordMethods(type, SupportedCall.UPSERT));
    if (r.method().equals("PATCH")) {
      return records.upsert(h, type, f, r.segment(2), r);
    }
    return records.byExternalId(h, type, f, r.segment(2), r);
  }

  private static ApiResponse deeper(SObjectType type, ApiRequest r) {
    if ("describe".equals(r.segment(1))) {
      throw SalesforceException.notSupported(
          "/sobjects/" + type.name() + "/describe/" + r.segment(2));
    }
    throw SalesforceException.notFound();
  }

  private static String[] recordMethods(SObjectType type, SupportedCall write) {
    List<String> m = new ArrayList<>(List.of("GET", "HEAD"));
    if (type.supports(write)) {
      m.add("PATCH");
    }
    if (type.supports(SupportedCall.DELETE)) {
      m.add("DELETE");
    }
    return m.toArray(String[]::new);
  }

  private boolean notModified(ApiRequest r) {
    return r.ifModifiedSince() != null
        && !r.ifModifiedSince()
            .isBefore(catalogModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  /**
   * @throws SalesforceException 405 {@code METHOD_NOT_ALLOWED} "HTTP Method 'PATCH' not allowed.
   *     Allowed are GET,HEAD,POST"
   */
  public static void allow(ApiRequest r, String... methods) {
    if (List.of(methods).contains(r.method())) {
      return;
    }
    throw methodNotAllowed(r.method(), List.of(methods));
  }

  static SalesforceException methodNotAllowed(String method, List<String> allowed) {
    return new SalesforceException(
        405,
        ErrorCode.METHOD_NOT_ALLOWED,
        "HTTP Method '" + method + "' not allowed. Allowed are " + String.join(",", allowed));
  }
}
