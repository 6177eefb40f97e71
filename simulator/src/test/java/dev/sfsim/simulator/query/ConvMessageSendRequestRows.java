package dev.sfsim.simulator.query;

import dev.sfsim.simulator.ids.SalesforceIds;
import org.jdbi.v3.core.Jdbi;

/**
 * Bulk ConvMessageSendRequest rows for paging tests and benchmarks, inserted with one SQL
 * statement: row n (1-based) has id {@code 1sr…n}, Name {@code MSJ-0000000n}, status
 * Pending/InProgress/Completed by n mod 3, TotalMessageCount 2, and was created n-1 hours before
 * now.
 */
public final class ConvMessageSendRequestRows {
  private ConvMessageSendRequestRows() {}

  /** Inserts {@code count} rows numbered from {@code first}. */
  public static void insert(Jdbi jdbi, int count, int first) {
    insert(jdbi, count, first, false);
  }

  /**
   * Inserts {@code count} rows numbered from {@code first}; with {@code completed} every row is
   * {@code Completed}, so that a running simulator's dispatcher leaves them alone.
   */
  public static void insert(Jdbi jdbi, int count, int first, boolean completed) {
    String user = SalesforceIds.generate("005", 1);
    String[] ids = new String[count];
    String[] names = new String[count];
    String[] statuses = new String[count];
    Integer[] hours = new Integer[count];
    for (int i = 0; i < count; i++) {
      int n = first + i;
      ids[i] = SalesforceIds.generate("1sr", n);
      names[i] = String.format("MSJ-%08d", n);
      statuses[i] =
          completed
              ? "Completed"
              : switch (n % 3) {
                case 0 -> "Completed";
                case 1 -> "Pending";
                default -> "InProgress";
              };
      hours[i] = n - 1;
    }
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO conv_message_send_request (id, name, request_type, request_status, message_definition,"
                        + " allow_existing_session_status, total_message_count, pending_message_count, in_progress_message_count,"
                        + " created_date, created_by_id, last_modified_date, last_modified_by_id, system_modstamp)"
                        + " SELECT r.id, r.name, 'SendNotificationMessages', r.status, 'Welcome', 'Any', 2, 0, 0,"
                        + " now() - make_interval(hours => r.hours), :user, now(), :user, now()"
                        + " FROM unnest(:ids, :names, :statuses, :hours) AS r(id, name, status, hours)")
                .bindArray("ids", String.class, (Object[]) ids)
                .bindArray("names", String.class, (Object[]) names)
                .bindArray("statuses", String.class, (Object[]) statuses)
                .bindArray("hours", Integer.class, (Object[]) hours)
                .bind("user", user)
                .execute());
  }
}
