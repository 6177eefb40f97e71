package dev.sfsim.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Turns the JSON tree a handler built into the XML Salesforce's REST API answers with {@code
 * Accept: application/xml} ("Status Codes and Error Responses" and the resource pages of the REST
 * API Developer Guide, which show both forms):
 *
 * <ul>
 *   <li>the document starts {@code <?xml version="1.0" encoding="UTF-8"?>}; the root element is
 *       named per resource ({@code Account}, {@code QueryResult}, {@code Result}, {@code
 *       DescribeGlobal}, {@code Errors}); it declares {@code xmlns:xsi} when nulls are written
 *       ({@code <Field xsi:nil="true"/>}) and always on {@code QueryResult} (as the documented
 *       examples show: {@code <QueryResult xmlns:xsi=…>}, but {@code <Result><id>…} and {@code
 *       <Errors><Error>…} without it);
 *   <li>an array is the same element repeated (an empty array: no element); a top-level array is
 *       wrapped in the root, each item named {@code item};
 *   <li>a record's {@code attributes} object becomes the XML attributes {@code type} and {@code
 *       url} of its element ({@code <records type="Account"
 *       url="/services/data/v60.0/sobjects/Account/001…">});
 *   <li>records (objects with {@code attributes}) keep their field order; every other object lists
 *       its properties in alphabetical order, as Salesforce's examples do ({@code done}, {@code
 *       records}, {@code totalSize}; {@code errorCode}, {@code message}; {@code id}, {@code
 *       success}) — the ordering rule is inferred from those examples, not documented.
 * </ul>
 *
 * Element names that are not XML names (never produced by the catalog) have their offending
 * characters replaced by {@code _}.
 */
public final class XmlRenderer {
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private XmlRenderer() {}

  /**
   * @param root the root element's name
   * @param item the element name of each item when {@code body} is an array
   * @param body a JSON-serialisable tree (maps, lists, records, scalars)
   */
  public static String render(String root, @Nullable String item, Object body) {
    JsonNode node = body instanceof JsonNode n ? n : Json.MAPPER.valueToTree(body);
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement(name(root));
      if (root.equals("QueryResult") || hasNull(node)) {
        w.writeNamespace("xsi", XSI);
      }
      if (node.isArray()) {
        for (JsonNode n : node) {
          element(w, item, n);
        }
      } else if (node.isObject()) {
        content(w, node);
      } else if (!node.isNull()) {
        characters(w, node.asText());
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the answer as XML", e);
    }
    return out.toString();
  }

  private static void element(XMLStreamWriter w, @Nullable String name, JsonNode value)
      throws XMLStreamException {
    if (value.isArray()) {
      for (JsonNode n : value) {
        element(w, name, n);
      }
      return;
    }
    if (value.isNull() || value.isMissingNode()) {
      w.writeEmptyElement(name(name));
      w.writeAttribute("xsi", XSI, "nil", "true");
      return;
    }
    w.writeStartElement(name(name));
    if (value.isObject()) {
      content(w, value);
    } else {
      characters(w, value.asText());
    }
    w.writeEndElement();
  }

  /** Attributes (from a record's {@code attributes}) first, then the child elements. */
  private static void content(XMLStreamWriter w, JsonNode object) throws XMLStreamException {
    JsonNode attributes = object.get("attributes");
    boolean record = attributes != null && attributes.isObject();
    if (record) {
      for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> a = it.next();
        if (a.getValue().isValueNode() && !a.getValue().isNull()) {
          w.writeAttribute(name(a.getKey()), a.getValue().asText());
        }
      }
    }
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    if (!record) {
      keys.sort(null);
    }
    for (String k : keys) {
      if (record && k.equals("attributes")) {
        continue;
      }
      element(w, k, object.get(k));
    }
  }

  private static boolean hasNull(JsonNode node) {
    if (node.isNull()) {
      return true;
    }
    for (JsonNode child : node) {
      if (hasNull(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Text content; a carriage return as {@code &#13;}, since a parser would read a literal one as a
   * newline.
   */
  private static void characters(XMLStreamWriter w, String s) throws XMLStreamException {
    String[] parts = text(s).split("\r", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        w.writeEntityRef("#13");
      }
      if (!parts[i].isEmpty()) {
        w.writeCharacters(parts[i]);
      }
    }
  }

  /**
   * Characters XML 1.0 cannot carry (control characters but tab, newline, return; lone surrogates)
   * become U+FFFD.
   */
  static String text(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
      boolean bad =
          !pair
              && ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                  || c == 0xFFFE
                  || c == 0xFFFF
                  || Character.isSurrogate(c));
      if (bad && b == null) {
        b = new StringBuilder(s.substring(0, i));
      }
      if (b != null) {
        b.append(bad ? '\uFFFD' : c);
        if (pair) {
          b.append(s.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * The name as an XML element name: characters outside {@code [A-Za-z0-9_.-]} (and a leading
   * digit) become {@code _}.
   */
  static String name(String s) {
    if (s == null || s.isEmpty()) {
      return "_";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          Character.isLetter(c)
              || c == '_'
              || (i > 0 && (Character.isDigit(c) || c == '-' || c == '.'));
      b.append(ok ? c : '_');
    }
    return b.toString();
  }
}
