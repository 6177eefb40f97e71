package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Assertions over the request journal that fail with the closest request in the message. */
final class JournalVerifier {
  static final String SEND_ACTION_PATH = "/actions/standard/sendConversationMessages";

  private JournalVerifier() {}

  /**
   * The first invocation of sendConversationMessages whose inputs name exactly these recipients.
   */
  static JournalEntry conversationMessagesSent(List<JournalEntry> journal, Set<String> expected) {
    Set<String> wanted = ids15(expected);
    List<JournalEntry> invocations =
        journal.stream()
            .filter(e -> e.method().equals("POST") && e.path().endsWith(SEND_ACTION_PATH))
            .toList();
    for (JournalEntry e : invocations) {
      if (recipients(e).equals(wanted)) {
        return e;
      }
    }
    String closest =
        invocations.stream()
            .max(Comparator.comparingInt(e -> overlap(recipients(e), wanted)))
            .map(e -> "Closest request (recipients " + recipients(e) + "):\n  " + e)
            .orElse(
                journal.isEmpty()
                    ? "The simulator received no API call at all."
                    : "No invocation of sendConversationMessages; last request:\n  "
                        + journal.get(journal.size() - 1));
    throw new AssertionError(
        "Expected sendConversationMessages to be invoked with recipients "
            + wanted
            + " (15-character ids), but it was not.\n"
            + closest);
  }

  /** The first request with this method whose path starts with the prefix. */
  static JournalEntry requested(List<JournalEntry> journal, String method, String pathPrefix) {
    return journal.stream()
        .filter(e -> e.method().equalsIgnoreCase(method) && e.path().startsWith(pathPrefix))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "Expected a request "
                        + method
                        + " "
                        + pathPrefix
                        + "..., but there was none.\n"
                        + journal.stream()
                            .max(
                                Comparator.comparingInt(
                                    e ->
                                        commonPrefix(e.path(), pathPrefix)
                                            + (e.method().equalsIgnoreCase(method) ? 1 : 0)))
                            .map(e -> "Closest request:\n  " + e)
                            .orElse("The simulator received no API call at all.")));
  }

  /** The recipients of every input of an action invocation, as 15-character ids. */
  static Set<String> recipients(JournalEntry e) {
    Set<String> ids = new LinkedHashSet<>();
    try {
      JsonNode inputs = AdminHttp.tree(e.body()).path("inputs");
      for (JsonNode input : inputs) {
        JsonNode v = input.path("messagingEndUserIds");
        if (v.isTextual()) {
          for (String id : v.asText().split(",")) {
            if (!id.isBlank()) {
              ids.add(id.trim());
            }
          }
        }
        if (v.isArray()) {
          v.forEach(id -> ids.add(id.asText()));
        }
        if (input.hasNonNull("messagingEndUserId")) {
          ids.add(input.get("messagingEndUserId").asText());
        }
      }
    } catch (RuntimeException ignored) {
      // not JSON: no recipients
    }
    return ids15(ids);
  }

  private static Set<String> ids15(Set<String> ids) {
    return ids.stream()
        .map(id -> id.length() == 18 ? id.substring(0, 15) : id)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static int overlap(Set<String> a, Set<String> b) {
    Set<String> s = new HashSet<>(a);
    s.retainAll(b);
    return s.size();
  }

  private static int commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
