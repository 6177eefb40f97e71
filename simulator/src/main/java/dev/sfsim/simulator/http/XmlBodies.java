package dev.sfsim.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.org.SalesforceException;
import java.io.StringReader;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads an XML request body ({@code Content-Type: application/xml}) into the JSON tree the handlers
 * already take, the inverse of {@link XmlRenderer}: the root element stands for the body itself
 * (for a record, its name is the object's, e.g. {@code <Account><Name>Acme</Name></Account>}, as
 * Camel's salesforce component sends it); each child element is a property whose text is a string
 * value (the handlers coerce strings by field type, as they do for JSON strings); {@code
 * xsi:nil="true"} is null; an element with child elements or XML attributes is an object, its XML
 * attributes becoming its {@code attributes} ({@code <records type="Account" referenceId="ref1">},
 * as the sObject Tree request's XML form has them); repeated elements, and elements named in {@code
 * lists}, are arrays. Parsed with the JDK's StAX parser with DTDs and external entities off, and
 * elements nested at most {@link #MAX_DEPTH} deep (Salesforce documents no depth; the JSON bodies'
 * parser stops at 1,000 levels, and no Salesforce XML body needs more than a handful).
 */
public final class XmlBodies {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final XMLInputFactory FACTORY = factory();

  /** Deepest element nesting read; deeper bodies are a 400 instead of a stack overflow. */
  static final int MAX_DEPTH = 100;

  private XmlBodies() {}

  /**
   * @param lists names of properties that are always arrays, even when they occur once
   * @throws SalesforceException 400 {@code XML_PARSER_ERROR} naming the line and column of the
   *     problem (an empty body and nesting beyond {@link #MAX_DEPTH} included); the code is
   *     inferred from {@code JSON_PARSER_ERROR}
   */
  public static JsonNode parse(String xml, Set<String> lists) {
    if (xml == null || xml.isBlank()) {
      throw SalesforceException.badRequest(
          ErrorCode.XML_PARSER_ERROR, "The request body is empty. Expected an XML document.");
    }
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(new StringReader(xml));
      while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
        // prolog: declaration, comments, whitespace
      }
      if (!r.isStartElement()) {
        throw error("no root element", r);
      }
      JsonNode body = element(r, lists, 1);
      while (r.hasNext()) {
        r.next();
      } // the parser reports trailing garbage here
      return body;
    } catch (XMLStreamException e) {
      var loc = e.getLocation();
      String where =
          loc == null
              ? ""
              : " at [row,col]:[" + loc.getLineNumber() + "," + loc.getColumnNumber() + "]";
      String message =
          e.getMessage() == null
              ? "malformed XML"
              : e.getMessage()
                  .replaceFirst(
                      "(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
      throw SalesforceException.badRequest(ErrorCode.XML_PARSER_ERROR, message.trim() + where);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing to release beyond the string reader
        }
      }
    }
  }

  /** The element the reader stands on (a START_ELEMENT), read to its end. */
  private static JsonNode element(XMLStreamReader r, Set<String> lists, int depth)
      throws XMLStreamException {
    if (depth > MAX_DEPTH) {
      throw error("Elements are nested deeper than " + MAX_DEPTH + " levels", r);
    }
    boolean nil = "true".equals(r.getAttributeValue(XmlRenderer.XSI, "nil"));
    ObjectNode object = attributes(r);
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (object == null) {
          object = NODES.objectNode();
        }
        String key = r.getLocalName();
        add(object, key, element(r, lists, depth + 1), lists.contains(key));
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    if (nil) {
      return NODES.nullNode();
    }
    if (object != null) {
      return object;
    }
    return NODES.textNode(text.toString());
  }

  /**
   * The element's own XML attributes (namespaced ones such as {@code xsi:nil} aside) as an {@code
   * attributes} object.
   */
  private static @Nullable ObjectNode attributes(XMLStreamReader r) {
    ObjectNode attributes = null;
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      if (ns != null && !ns.isEmpty()) {
        continue;
      }
      if (attributes == null) {
        attributes = NODES.objectNode();
      }
      attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
    return attributes == null ? null : NODES.objectNode().set("attributes", attributes);
  }

  /**
   * A repeated element becomes an array (element() never yields an array itself, so an array here
   * is ours).
   */
  private static void add(ObjectNode object, String key, JsonNode value, boolean alwaysList) {
    JsonNode existing = object.get(key);
    if (existing == null) {
      object.set(key, alwaysList ? NODES.arrayNode().add(value) : value);
    } else if (existing.isArray()) {
      ((ArrayNode) existing).add(value);
    } else {
      object.set(key, NODES.arrayNode().add(existing).add(value));
    }
  }

  private static XMLStreamException error(String message, XMLStreamReader r) {
    return new XMLStreamException(message, r.getLocation());
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return f;
  }
}
