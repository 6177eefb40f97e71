package dev.sfsim.simulator.auth;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A Partner API SOAP request read with the JDK's StAX parser (no DTDs, no external entities): the
 * operation (the first element inside {@code Body}), the text of {@code login}'s child elements,
 * and the {@code SessionHeader}'s {@code sessionId}. Elements are matched by local name, since each
 * client picks its own prefixes ("login()", SOAP API Developer Guide).
 *
 * @param operation local name of the body's first element, e.g. {@code login}
 * @param fields local name -> text of the operation's child elements
 * @param sessionId {@code SessionHeader/sessionId}, or null
 */
record SoapEnvelope(String operation, Map<String, String> fields, @Nullable String sessionId) {

  /**
   * @throws IllegalArgumentException when the text is not a SOAP envelope with a body element
   */
  static SoapEnvelope parse(String xml) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try {
      XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
      String operation = null;
      String sessionId = null;
      Map<String, String> fields = new LinkedHashMap<>();
      String section = null; // Header or Body
      int depth = 0;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String name = r.getLocalName();
          if (depth == 1 && !name.equals("Envelope")) {
            throw new IllegalArgumentException("root element is not a SOAP Envelope");
          }
          if (depth == 2) {
            section = name;
          } else if ("Body".equals(section) && depth == 3 && operation == null) {
            operation = name;
          } else if ("Body".equals(section) && depth == 4 && "login".equals(operation)) {
            fields.putIfAbsent(name, r.getElementText());
            depth--;
          } else if ("Header".equals(section) && name.equals("sessionId")) {
            sessionId = r.getElementText().trim();
            depth--;
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
          if (depth == 1) {
            section = null;
          }
        }
      }
      if (operation == null) {
        throw new IllegalArgumentException("no operation in the SOAP Body");
      }
      return new SoapEnvelope(operation, fields, sessionId);
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("malformed XML: " + e.getMessage(), e);
    }
  }
}
