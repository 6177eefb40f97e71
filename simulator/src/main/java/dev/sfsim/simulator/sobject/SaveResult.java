package dev.sfsim.simulator.sobject;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sfsim.simulator.http.ErrorRenderer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of saving one record ("SaveResult" in "Core Data Types Used in API Calls", SOAP API
 * Developer Guide; the REST answer to a create, and each element of an sObject Collections answer):
 * {@code {"id":…,"success":true,"errors":[]}}, with {@code "created":…} for upserts (v46+), or
 * {@code {"success":false,"errors":[{"statusCode","message","fields"}]}} (with the {@code id} when
 * known) for a failure. Keys in that order; null ones left out.
 *
 * @param id 18-character record id; null for a failure without a record
 * @param created for upserts: whether the record was created; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SaveResult(
    @Nullable String id,
    boolean success,
    List<ErrorRenderer.RecordError> errors,
    @Nullable Boolean created) {

  /** A saved record, with {@code created} for upserts (null leaves it out). */
  public static SaveResult saved(@Nullable String id, @Nullable Boolean created) {
    return new SaveResult(id, true, List.of(), created);
  }

  /** A record that was not saved, with its one error. */
  public static SaveResult failed(@Nullable String id, ErrorRenderer.RecordError error) {
    return new SaveResult(id, false, List.of(error), null);
  }
}
