package dev.sfsim.simulator.catalog;

import java.util.Locale;

/**
 * Derives PostgreSQL identifiers from API names: {@code MessagingChannelId} -> {@code
 * messaging_channel_id}.
 */
public final class Columns {
  private Columns() {}

  /** Snake case of an API name; only ever applied to catalog names, never to request text. */
  public static String of(String apiName) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < apiName.length(); i++) {
      char c = apiName.charAt(i);
      boolean upper = Character.isUpperCase(c);
      if (upper && i > 0) {
        char prev = apiName.charAt(i - 1);
        boolean nextLower =
            i + 1 < apiName.length() && Character.isLowerCase(apiName.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          sb.append('_');
        }
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
