package dev.sfsim.simulator.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it refuses before any route sees them (a URI or header block beyond
 * {@link HttpServer#MAX_HEADER_BYTES}: 414 {@code URI Too Long} and 431 {@code Request Header
 * Fields Too Large}, as Salesforce answers them, "Maximum number of rows returned by SOQL queries
 * over the REST API", Salesforce Help knowledge article 000386264; a malformed request line: 400),
 * rendered in Salesforce's REST error shape {@code [{"message":"URI Too
 * Long","errorCode":"URI_TOO_LONG"}]} instead of Jetty's HTML page. The error codes are the status
 * reasons in Salesforce's spelling (our choice: no page gives them).
 */
final class ProtocolErrors extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, HttpServer.JSON_UTF8);
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, HttpServer.JSON_UTF8);
    return ByteBuffer.wrap(body(status));
  }

  /**
   * {@code [{"message": <reason phrase>, "errorCode": <REASON_PHRASE>}]}; Jetty's own message may
   * name internals, so it is not shown.
   */
  static byte[] body(int status) {
    String reason = HttpStatus.getMessage(status);
    String code =
        reason.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    try {
      return Json.MAPPER.writeValueAsBytes(List.of(Map.of("message", reason, "errorCode", code)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return ("[{\"message\":\"" + status + "\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]")
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
