package dev.sfsim.simulator.catalog;

import static dev.sfsim.simulator.catalog.FieldBuilder.field;
import static dev.sfsim.simulator.catalog.FieldBuilder.text;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code Name} object ("Name", Object Reference; "Understanding Relationship Fields and
 * Polymorphic Fields", SOQL and SOSL Reference): what a polymorphic relationship path such as
 * {@code ConversationEntry.Actor.Name} reads, whatever the referenced type. It has no table: each
 * of its fields is read from the referenced record's field of the same name (null when that type
 * has none), {@code Id} is the reference itself and {@code Type} the referenced object's name,
 * known from the id's key prefix.
 *
 * <p>Only the Name fields whose source fields exist in the catalog are modelled; {@link
 * #UNMODELLED} lists the others (Phone, Title, ProfileId, ...), which the simulator refuses (501)
 * rather than answering null.
 */
public final class NameObject {
  /** The API name SOQL errors use ("No such column 'X' on entity 'Name'"). */
  public static final String NAME = "Name";

  /** Name fields of the reference whose source fields the simulated objects lack. */
  public static final Set<String> UNMODELLED =
      Set.of(
          "phone",
          "title",
          "profile",
          "profileid",
          "userrole",
          "userroleid",
          "recordtype",
          "recordtypeid",
          "communitynickname",
          "smallphotourl",
          "mediumphotourl",
          "lastreferenceddate",
          "lastvieweddate",
          "nameoralias");

  /**
   * Key prefixes of polymorphic targets that are not objects of the simulated org (their records
   * cannot exist here, but an id written by a client still tells its type).
   */
  private static final Map<String, String> OTHER_PREFIXES =
      Map.of("0Xx", "BotDefinition", "571", "LiveChatVisitor", "00G", "Group");

  private static final SObjectType TYPE =
      new SObjectType(
          NAME,
          "Name",
          "Names",
          "",
          "",
          0,
          Set.of(SupportedCall.QUERY),
          List.of(
              field("Id", FieldType.ID).label("ID").length(18).readOnly().build(),
              text("Name", 255).label("Name").readOnly().build(),
              FieldBuilder.picklist("Type").label("Type").length(40).readOnly().build(),
              text("Alias", 8).label("Alias").readOnly().build(),
              field("Email", FieldType.EMAIL).length(128).label("Email").readOnly().build(),
              text("FirstName", 40).label("First Name").readOnly().build(),
              text("LastName", 80).label("Last Name").readOnly().build(),
              field("IsActive", FieldType.BOOLEAN).label("Active").readOnly().build(),
              text("Username", 80).label("Username").readOnly().build()),
          null);

  private NameObject() {}

  /**
   * The {@code Type} field of the Name object behind one polymorphic reference: SQL reads the id's
   * key prefix (no literal in SQL), and the prefixes are "picklist values" labelled with the object
   * names, so that showing and filtering on the type work as {@code toLabel()} does ({@code Type IN
   * ('User')} binds {@code '005'}).
   *
   * @param typeByPrefix key prefix -> object name, see {@link #prefixes}
   */
  public static SObjectField typeField(Map<String, String> typeByPrefix) {
    SObjectField type = TYPE.field("Type").orElseThrow();
    FieldAttributes attributes =
        new FieldAttributes(false, false, false, false, false, null, null, typeByPrefix);
    return new SObjectField(
        type.name(),
        type.label(),
        type.type(),
        type.length(),
        "",
        List.copyOf(typeByPrefix.keySet()),
        null,
        List.of(),
        null,
        true,
        false,
        false,
        0,
        attributes);
  }

  /**
   * Whether {@code f} is a {@link #typeField}: its values are key prefixes, matched only through
   * their labels.
   */
  public static boolean isTypeField(SObjectField f) {
    return f.name().equals("Type") && f.column().isEmpty();
  }

  /**
   * The Name object: its fields are {@code Id}, {@code Name}, {@code Type}, ... ; it has no
   * relationships.
   */
  public static SObjectType type() {
    return TYPE;
  }

  /**
   * The key prefix of each of {@code targets} whose prefix is known, in {@code targets} order.
   *
   * @param objects the targets that are objects of the org (their own prefixes)
   */
  public static Map<String, String> prefixes(List<SObjectType> objects, List<String> targets) {
    Map<String, String> byPrefix = new java.util.LinkedHashMap<>();
    for (String target : targets) {
      String prefix =
          objects.stream()
              .filter(o -> o.name().equals(target))
              .map(SObjectType::keyPrefix)
              .findFirst()
              .orElse(
                  OTHER_PREFIXES.entrySet().stream()
                      .filter(e -> e.getValue().equals(target))
                      .map(Map.Entry::getKey)
                      .findFirst()
                      .orElse(null));
      if (prefix != null) {
        byPrefix.put(prefix, target);
      }
    }
    return byPrefix;
  }
}
