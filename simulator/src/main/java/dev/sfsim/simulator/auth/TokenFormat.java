package dev.sfsim.simulator.auth;

import dev.sfsim.simulator.http.Json;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The three encodings of token-endpoint answers ("OAuth 2.0 Username-Password Flow", Salesforce
 * Help): {@code format=json} (default), {@code urlencoded} and {@code xml} (root element {@code
 * OAuth}), chosen by the {@code format} parameter or, without it, by the {@code Accept} header.
 */
enum TokenFormat {
  JSON("application/json;charset=UTF-8"),
  URLENCODED("application/x-www-form-urlencoded;charset=UTF-8"),
  XML("application/xml;charset=UTF-8");

  final String contentType;

  TokenFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The format asked for; an unknown {@code format} value is 400 {@code invalid_request}. */
  static TokenFormat of(String formatParam, String accept) {
    if (formatParam != null && !formatParam.isBlank()) {
      return switch (formatParam.trim().toLowerCase(Locale.ROOT)) {
        case "json" -> JSON;
        case "urlencoded" -> URLENCODED;
        case "xml" -> XML;
        default -> throw new OAuthError("invalid_request", "unsupported format: " + formatParam);
      };
    }
    String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
    if (a.startsWith("application/xml") || a.startsWith("text/xml")) {
      return XML;
    }
    if (a.startsWith("application/x-www-form-urlencoded")) {
      return URLENCODED;
    }
    return JSON;
  }

  /**
   * The body for a flat object: a map of values (strings, numbers, booleans) or a record of them
   * ({@link TokenResponse}), keys in their JSON order, null ones left out as the record says.
   */
  String render(Object body) {
    Map<String, ?> values =
        body instanceof Map<?, ?> m ? asStringKeys(m) : Json.MAPPER.convertValue(body, FLAT);
    return switch (this) {
      case JSON -> json(values);
      case URLENCODED ->
          values.entrySet().stream()
              .map(e -> enc(e.getKey()) + "=" + enc(String.valueOf(e.getValue())))
              .collect(Collectors.joining("&"));
      case XML -> xml(values);
    };
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>
      FLAT = new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private static Map<String, ?> asStringKeys(Map<?, ?> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static String json(Map<String, ?> values) {
    try {
      return Json.MAPPER.writeValueAsString(values);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the token answer as JSON", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String xml(Map<String, ?> values) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("OAuth");
      for (var e : values.entrySet()) {
        w.writeStartElement(e.getKey());
        w.writeCharacters(String.valueOf(e.getValue()));
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the token answer as XML", e);
    }
    return out.toString();
  }
}
