package dev.sfsim.testcontainers.admin;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a {@link FaultRule} does to the messages it matches (its {@code effect} on the wire). */
public enum FaultEffect {
  /** Every matching send fails permanently with the rule's reason. */
  FAIL,
  /** Matching sends fail the rule's {@code times} times, then succeed. */
  TRANSIENT,
  /** Matching messages are sent, then end {@code Error} with the rule's status code. */
  UNDELIVERABLE,
  /** Matching sends take the rule's {@code delay} longer. */
  DELAY;

  /**
   * @return the admin API's name: {@code fail}, {@code transient}, {@code undeliverable} or {@code
   *     delay}
   */
  @JsonValue
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
