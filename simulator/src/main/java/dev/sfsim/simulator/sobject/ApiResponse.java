package dev.sfsim.simulator.sobject;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an {@link ApiRequest}: status, extra headers (e.g. {@code Location}) and the JSON
 * body (null: no body, as for 204 and 304).
 */
public record ApiResponse(int status, Map<String, String> headers, @Nullable Object body) {
  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, Map.of(), body);
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, Map.of(), null);
  }

  static ApiResponse notModified() {
    return new ApiResponse(304, Map.of(), null);
  }

  /**
   * 201 with {@code Location} and {@code {"id","success":true,"errors":[]}} (plus {@code
   * created:true} for upserts, v46+).
   */
  static ApiResponse created(String location, String id, @Nullable Boolean created) {
    return new ApiResponse(201, Map.of("Location", location), SaveResult.saved(id, created));
  }
}
