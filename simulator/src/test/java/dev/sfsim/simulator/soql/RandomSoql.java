package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.catalog.SObjectField;
import dev.sfsim.simulator.catalog.SObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic generators of SOQL for fuzz tests: random but mostly well-formed queries over the
 * catalog (any field, relationship, operator and literal kind, whether or not the types fit), and
 * mutations of them (characters and tokens deleted, inserted, swapped).
 */
public final class RandomSoql {
  private static final String[] LITERALS = {
    "null",
    "true",
    "FALSE",
    "0",
    "-2",
    "1.5",
    "'Text'",
    "'a\\'b'",
    "'%x\\_'",
    "'In Progress'",
    "'WhatsApp;SMS'",
    "2024-01-01",
    "2024-02-30",
    "2024-01-01T10:00:00Z",
    "2024-01-01T10:00:00.5+01:00",
    "'0PASM0000000001'",
    "'0PASM00000000014AA'",
    "'xyz'",
    "''",
    "TODAY",
    "LAST_N_DAYS:3",
    ":bind",
    "USD10",
    "10:00:00Z",
    "YESTERDAY",
    "THIS_WEEK",
    "NEXT_N_MONTHS:2",
    "LAST_FISCAL_QUARTER",
    "N_YEARS_AGO:1",
    "LAST_90_DAYS",
    "NEXT_N_FISCAL_YEARS:0",
    // huge numbers and NUL bytes (issue 15): past int, long and double, dates past PostgreSQL's
    // range
    "4294967297",
    "99999999999999999999",
    "-9223372036854775809",
    "1e400",
    "LAST_N_DAYS:4294967297",
    "NEXT_N_YEARS:99999999999",
    "294277-01-01",
    "99999-12-31T00:00:00Z",
    "'a\u0000b'",
    "'\u0000'"
  };
  private static final String[] AGGREGATES = {
    "COUNT",
    "COUNT_DISTINCT",
    "SUM",
    "AVG",
    "MIN",
    "MAX",
    "CALENDAR_MONTH",
    "DAY_ONLY",
    "HOUR_IN_DAY",
    "CALENDAR_YEAR",
    "WEEK_IN_MONTH",
    "FISCAL_QUARTER",
    "toLabel",
    "FORMAT"
  };
  private static final String[] ENDINGS = {
    "",
    "",
    "",
    " FOR VIEW",
    " FOR REFERENCE",
    " FOR UPDATE",
    " WITH SECURITY_ENFORCED",
    " WITH USER_MODE"
  };
  private static final String[] OPERATORS = {
    "=", "!=", "<>", "<", "<=", ">", ">=", "LIKE", "IN", "NOT IN", "INCLUDES", "EXCLUDES"
  };
  private static final String[] NOISE = {
    "(",
    ")",
    "'",
    "\\",
    ",",
    ".",
    ":x",
    " AND ",
    " OR ",
    " NOT ",
    " = ",
    " IN ",
    " LIKE ",
    "SELECT ",
    " FROM ",
    " HAVING ",
    "COUNT(Id)",
    " expr0 ",
    "FIELDS(ALL)",
    "LAST_N_DAYS:",
    " FOR VIEW",
    " WITH ",
    " WHERE ",
    " null ",
    "2024-13-45T99:99:99Z",
    "\"",
    "/*",
    "//",
    "\u0000",
    "\uD83D\uDE00",
    "\n",
    "%",
    "99999999999999999999999",
    "-",
    "COUNT()",
    " LIMIT ",
    " OFFSET ",
    " ORDER BY ",
    "__c",
    ".MessagingChannel",
    "'\\u0041'",
    "'\\",
    " TYPEOF ",
    " GROUP BY ",
    " ASC ",
    " DESC ",
    " NULLS ",
    " FIRST ",
    ";",
    "\t",
    "[",
    "{",
    "#",
    "*"
  };

  private final Random random;
  private static final Catalog CATALOG = Catalog.standard();

  public RandomSoql(long seed) {
    this(new Random(seed));
  }

  /**
   * Draws every choice from {@code random}: a seeded one, or a fuzzer's bytes ({@code
   * FuzzedRandom}).
   */
  public RandomSoql(Random random) {
    this.random = random;
  }

  /** A plain or an aggregate query, three to one. */
  public String query() {
    return random.nextInt(4) == 0 ? aggregate() : rows();
  }

  /**
   * An aggregate query: grouped fields, functions with or without aliases, HAVING, ORDER BY, LIMIT.
   */
  public String aggregate() {
    SObjectType type = pick(CATALOG.all());
    List<String> groups = new ArrayList<>();
    for (int i = 0, n = random.nextInt(3); i < n; i++) {
      groups.add(random.nextInt(3) == 0 ? function(type) : path(type, 0));
    }
    List<String> select = new ArrayList<>(groups);
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      select.add(function(type) + (random.nextBoolean() ? " a" + i : ""));
    }
    StringBuilder sb =
        new StringBuilder("SELECT ")
            .append(String.join(", ", select))
            .append(" FROM ")
            .append(type.name());
    if (random.nextBoolean()) {
      sb.append(" WHERE ").append(condition(type, 0));
    }
    if (!groups.isEmpty()) {
      sb.append(" GROUP BY ").append(String.join(", ", groups));
    }
    if (!groups.isEmpty() && random.nextInt(3) == 0) {
      sb.append(" HAVING ").append(function(type)).append(" > ").append(random.nextInt(3));
    }
    if (random.nextInt(3) == 0) {
      sb.append(" ORDER BY ")
          .append(random.nextBoolean() || groups.isEmpty() ? function(type) : pick(groups));
    }
    if (random.nextInt(3) == 0) {
      sb.append(" LIMIT ").append(random.nextInt(5));
    }
    return sb.append(pick(List.of(ENDINGS))).toString();
  }

  private String function(SObjectType type) {
    String fn = pick(List.of(AGGREGATES));
    return fn + "(" + (fn.equals("COUNT") && random.nextInt(4) == 0 ? "" : path(type, 0)) + ")";
  }

  /** A query over a random object, with random fields, conditions, ordering and paging. */
  public String rows() {
    SObjectType type = pick(CATALOG.all());
    StringBuilder sb = new StringBuilder("SELECT ");
    if (random.nextInt(10) == 0) {
      sb.append("COUNT()");
    } else if (random.nextInt(15) == 0) {
      sb.append(pick(List.of("FIELDS(ALL)", "FIELDS(STANDARD)", "FIELDS(CUSTOM)")));
    } else {
      List<String> fields = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
        fields.add(path(type, 0));
      }
      if (random.nextInt(6) == 0) {
        fields.add(subSelect(0));
      }
      if (random.nextInt(8) == 0) {
        fields.add(typeOf());
      }
      sb.append(String.join(", ", fields));
    }
    sb.append(" FROM ").append(random.nextInt(30) == 0 ? "Bogus" : type.name());
    if (random.nextBoolean()) {
      sb.append(" WHERE ").append(condition(type, 0));
    }
    if (random.nextInt(3) == 0) {
      sb.append(" ORDER BY ")
          .append(path(type, 0))
          .append(pick(List.of("", " ASC", " DESC")))
          .append(pick(List.of("", " NULLS FIRST", " NULLS LAST")));
    }
    if (random.nextInt(3) == 0) {
      sb.append(" LIMIT ").append(random.nextInt(5));
    }
    if (random.nextInt(5) == 0) {
      sb.append(" OFFSET ").append(random.nextInt(40) == 0 ? 2001 : random.nextInt(3));
    }
    if (random.nextInt(40) == 0) {
      sb.append(random.nextBoolean() ? " LIMIT 4294967297" : " OFFSET 99999999999999999999");
    }
    return sb.append(pick(List.of(ENDINGS))).toString();
  }

  /**
   * A child sub-select, sometimes with one nested inside it (allowed from API 58.0, five levels
   * deep).
   */
  private String subSelect(int depth) {
    String nested = depth < 2 && random.nextInt(3) == 0 ? ", " + subSelect(depth + 1) : "";
    return "(SELECT "
        + pick(List.of("Id", "Seq", "Name", "Status, Id", "toLabel(Status)", "FORMAT(CreatedDate)"))
        + nested
        + " FROM "
        + pick(List.of("ConversationEntries", "MessagingSessions", "MessagingEndUsers", "Nopes"))
        + (random.nextBoolean() ? " WHERE Seq > 0" : "")
        + (random.nextBoolean() ? " ORDER BY Id DESC LIMIT 2" : "")
        + ")";
  }

  /** A {@code TYPEOF} over a polymorphic (or not) relationship, right or wrong. */
  private String typeOf() {
    StringBuilder sb =
        new StringBuilder("TYPEOF ")
            .append(pick(List.of("Actor", "Conversation", "MessagingChannel", "Owner")));
    for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
      sb.append(" WHEN ")
          .append(
              pick(
                  List.of(
                      "User", "MessagingEndUser", "MessagingSession", "BotDefinition", "Bogus")))
          .append(" THEN ")
          .append(
              pick(
                  List.of(
                      "Name", "Id, Name", "Username", "Type", "MessagingPlatformKey", "Bacon__c")));
    }
    if (random.nextBoolean()) {
      sb.append(" ELSE ").append(pick(List.of("Id", "Name", "Type")));
    }
    return sb.append(random.nextInt(20) == 0 ? "" : " END").toString();
  }

  /** {@link #query()} with one to three random mutations. */
  public String mutated() {
    String q = query();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      q = mutate(q);
    }
    return q;
  }

  private String mutate(String q) {
    if (q.isEmpty()) {
      return pick(List.of(NOISE));
    }
    int at = random.nextInt(q.length());
    return switch (random.nextInt(5)) {
      case 0 -> q.substring(0, at) + q.substring(Math.min(q.length(), at + 1 + random.nextInt(6)));
      case 1 -> q.substring(0, at) + pick(List.of(NOISE)) + q.substring(at);
      case 2 -> q.substring(0, at);
      case 3 -> {
        String[] words = q.split(" ");
        int a = random.nextInt(words.length);
        int b = random.nextInt(words.length);
        String w = words[a];
        words[a] = words[b];
        words[b] = w;
        yield String.join(" ", words);
      }
      default ->
          q.substring(0, at)
              + Character.toUpperCase(q.charAt(at))
              + q.substring(at + 1).toLowerCase();
    };
  }

  private String path(SObjectType type, int depth) {
    List<SObjectField> references =
        type.fields().stream().filter(f -> f.relationshipName() != null).toList();
    if (depth < 2 && !references.isEmpty() && random.nextInt(4) == 0) {
      SObjectField ref = pick(references);
      if (ref.referenceTo().size() > 1
          && random.nextBoolean()) { // polymorphic: the Name object's fields
        return ref.relationshipName()
            + "."
            + pick(List.of("Name", "Type", "Id", "Username", "MessagingPlatformKey", "Bacon__c"));
      }
      var target = CATALOG.find(pick(ref.referenceTo()));
      if (target.isPresent()) {
        return ref.relationshipName() + "." + path(target.get(), depth + 1);
      }
      return ref.relationshipName() + ".Name";
    }
    if (random.nextInt(25) == 0) {
      return "Bacon__c";
    }
    String name = pick(type.fields()).name();
    return random.nextBoolean() ? name : name.toLowerCase();
  }

  private String condition(SObjectType type, int depth) {
    int kind = depth < 2 ? random.nextInt(6) : 0;
    if (kind == 1) {
      return condition(type, depth + 1) + " AND " + condition(type, depth + 1);
    }
    if (kind == 2) {
      return "(" + condition(type, depth + 1) + " OR " + condition(type, depth + 1) + ")";
    }
    if (kind == 3) {
      return "NOT (" + condition(type, depth + 1) + ")";
    }
    if (kind == 4 && random.nextInt(4) == 0) {
      return path(type, 0)
          + pick(List.of(" IN ", " NOT IN "))
          + "(SELECT "
          + pick(List.of("MessagingEndUserId", "Id", "Name"))
          + " FROM "
          + pick(List.of("MessagingSession", "MessagingEndUser"))
          + (random.nextBoolean() ? "" : " WHERE " + condition(type, 2))
          + ")";
    }
    String op = pick(List.of(OPERATORS));
    String left = random.nextInt(8) == 0 ? "toLabel(" + path(type, 0) + ")" : path(type, 0);
    if (op.endsWith("IN") || op.endsWith("CLUDES")) {
      List<String> values = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        values.add(pick(List.of(LITERALS)));
      }
      return left + " " + op + " (" + String.join(", ", values) + ")";
    }
    return left + " " + op + " " + pick(List.of(LITERALS));
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
