package dev.sfsim.simulator.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it refuses before any route sees them (a URI or header block beyond
 * {@link HttpServer#MAX_HEADER_BYTES}: 414 {@code URI Too Long} and 431 {@code Request Header
 * Fields Too Large}, as Salesforce answers them, "Maximum number of rows returned by SOQL queries
 * over the REST API", Salesforce Help knowledge article 000386264; a malformed request line: 400),
 * rendered by {@link ErrorRenderer#protocolError} in Salesforce's REST error shape {@code
 * [{"message":"URI Too Long","errorCode":"URI_TOO_LONG"}]} instead of Jetty's HTML page.
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

  private static byte[] body(int status) {
    return ErrorRenderer.protocolError(status);
  }
}
