package dev.sfsim.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON mapper, and request-body parsing that fails as Salesforce does ({@code
 * JSON_PARSER_ERROR}).
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /**
   * Parses a request body into a JSON tree.
   *
   * @throws SalesforceException 400 {@code JSON_PARSER_ERROR} naming the line and column of the
   *     problem (an empty body included)
   */
  public static JsonNode parse(@Nullable String body) {
    if (body == null || body.isBlank()) {
      throw SalesforceException.badRequest(
          ErrorCode.JSON_PARSER_ERROR, "The request body is empty. Expected a JSON document.");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at [line:" + loc.getLineNr() + ", column:" + loc.getColumnNr() + "]";
      throw SalesforceException.badRequest(
          ErrorCode.JSON_PARSER_ERROR, e.getOriginalMessage() + where);
    }
  }
}
