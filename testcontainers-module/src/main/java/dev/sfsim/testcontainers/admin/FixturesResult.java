package dev.sfsim.testcontainers.admin;

import java.util.List;

/**
 * The answer of {@code POST /__admin/fixtures}: the id of each record by its {@code referenceId},
 * and the developer names of the messaging components loaded.
 */
public record FixturesResult(List<Created> results, List<String> messagingComponents) {

  /** One record: its {@code attributes.referenceId} and the 18-character id it got. */
  public record Created(String referenceId, String id) {}

  public FixturesResult {
    results = results == null ? List.of() : List.copyOf(results);
    messagingComponents =
        messagingComponents == null ? List.of() : List.copyOf(messagingComponents);
  }

  /**
   * @return the id of the record with this {@code referenceId}
   * @throws IllegalArgumentException naming the reference ids there are
   */
  public String idOf(String referenceId) {
    return results.stream()
        .filter(r -> r.referenceId().equals(referenceId))
        .map(Created::id)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No record with referenceId '"
                        + referenceId
                        + "'; there are "
                        + results.stream().map(Created::referenceId).toList()));
  }
}
