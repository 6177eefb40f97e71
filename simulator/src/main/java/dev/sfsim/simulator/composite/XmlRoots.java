package dev.sfsim.simulator.composite;

import dev.sfsim.simulator.org.SalesforceException;
import dev.sfsim.simulator.sobject.ApiResponse;
import java.util.List;
import java.util.Map;

/**
 * The XML root element of each {@code /sobjects} answer (Salesforce names the root per resource;
 * Apache Camel's salesforce component, which reads these XML answers from real orgs, aliases the
 * same names): a record is the element of its object ({@code <Account type="Account" url="…">}),
 * basic information and describe the element of the described object, describeGlobal {@code
 * DescribeGlobal}, create and upsert {@code Result}. The 300 list of matching records of an
 * external id ({@code <Results><url>…</url></Results>}) is inferred, not documented. The sObject
 * Tree takes {@code <SObjectTreeRequest>} (documented) and answers {@code <SObjectTreeResponse>}
 * (the root name is inferred from the request's). {@code updated}/{@code deleted} and the other
 * composite resources do not answer XML here (501).
 */
final class XmlRoots {
  private XmlRoots() {}

  /**
   * Refuses, before anything runs, the resources whose XML form is not emulated.
   *
   * @param segments path segments after the version
   * @throws SalesforceException 501 {@code NOT_SUPPORTED_BY_SIMULATOR}
   */
  static void checkSupported(List<String> segments) {
    if (!segments.isEmpty() && segments.get(0).equals("composite") && !isTree(segments)) {
      throw SalesforceException.notSupported(
          "XML on /composite, /composite/batch and /composite/sobjects");
    }
    if (segments.size() == 3
        && (segments.get(2).equals("updated") || segments.get(2).equals("deleted"))) {
      throw SalesforceException.notSupported("XML on /sobjects/{object}/" + segments.get(2));
    }
  }

  /**
   * {@code /composite/tree/{object}}: XML request {@code <SObjectTreeRequest>} ("sObject Tree
   * Request Body").
   */
  static boolean isTree(List<String> segments) {
    return segments.size() >= 2
        && segments.get(0).equals("composite")
        && segments.get(1).equals("tree");
  }

  /** Properties of XML request bodies that are always arrays: the records of an sObject Tree. */
  static java.util.Set<String> lists(List<String> segments) {
    return isTree(segments) ? java.util.Set.of("records") : java.util.Set.of();
  }

  /**
   * @return the root element's name and the item name used when the body is an array
   */
  static String[] of(List<String> segments, String method, ApiResponse resp) {
    if (resp.status() == 300) {
      return new String[] {"Results", "url"};
    }
    if (isTree(segments)) {
      return root("SObjectTreeResponse");
    }
    if (resp.body() instanceof Map<?, ?> m) {
      if (m.get("attributes") instanceof Map<?, ?> a && a.get("type") != null) {
        return root(a.get("type"));
      }
      if (m.get("objectDescribe") instanceof Map<?, ?> d && d.get("name") != null) {
        return root(d.get("name"));
      }
      if (m.containsKey("fields") && m.get("name") != null) {
        return root(m.get("name"));
      }
    }
    if (method.equals("POST") || method.equals("PATCH")) {
      return root("Result");
    }
    if (segments.size() == 1) {
      return root("DescribeGlobal");
    }
    return root("Result");
  }

  private static String[] root(Object name) {
    return new String[] {String.valueOf(name), "item"};
  }
}
