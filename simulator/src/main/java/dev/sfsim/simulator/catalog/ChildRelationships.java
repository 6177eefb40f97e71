package dev.sfsim.simulator.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Child relationships (describe's {@code childRelationships}) that SOQL child sub-selects can name,
 * e.g. {@code (SELECT Id FROM ConversationEntries)} on MessagingSession. Each entry is the parent
 * object, the relationship name and the child's reference field pointing at the parent.
 */
public final class ChildRelationships {
  /** One child relationship. */
  public record ChildRelationship(
      String parent, String relationshipName, String childObject, String field) {}

  private static final List<ChildRelationship> ALL =
      List.of(
          new ChildRelationship(
              "MessagingChannel", "MessagingEndUsers", "MessagingEndUser", "MessagingChannelId"),
          new ChildRelationship(
              "MessagingChannel", "MessagingSessions", "MessagingSession", "MessagingChannelId"),
          new ChildRelationship(
              "MessagingEndUser", "MessagingSessions", "MessagingSession", "MessagingEndUserId"),
          new ChildRelationship(
              "MessagingSession", "ConversationEntries", "ConversationEntry", "ConversationId"));

  private ChildRelationships() {}

  /** The relationship of {@code parent} named {@code name} (any case). */
  public static Optional<ChildRelationship> find(String parent, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(
            r ->
                r.parent().equals(parent)
                    && r.relationshipName().toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }
}
