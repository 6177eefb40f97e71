package dev.sfsim.simulator.messaging;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/**
 * Keeps a ConvMessageSendRequest's counts and identifier lists equal to its messages' states, in the same
 * transaction as every state change, so that at every moment {@code TotalMessageCount = SuccessMessageCount +
 * FailedMessageCount + PendingMessageCount + InProgressMessageCount} and each list holds exactly what its count
 * counts ({@code messaging-behaviour.md} section 2). Lists are comma-separated, in recipient order;
 * {@code FailedMessageErrorReasons} is aligned with {@code FailedMessageIdentifiers}.
 */
final class RequestCounts {
    private RequestCounts() {}

    static void recompute(Handle h, String requestId, Instant now) {
        h.createUpdate("""
                        UPDATE conv_message_send_request r SET
                            total_message_count = c.total,
                            success_message_count = c.sent,
                            failed_message_count = c.failed,
                            pending_message_count = c.pending,
                            in_progress_message_count = c.in_progress,
                            success_message_identifiers = c.sent_ids,
                            failed_message_identifiers = c.failed_ids,
                            pending_message_identifiers = c.pending_ids,
                            in_progress_message_identifiers = c.in_progress_ids,
                            failed_message_error_reasons = c.reasons,
                            last_modified_date = :now,
                            system_modstamp = :now
                        FROM (SELECT count(*) AS total,
                                     count(*) FILTER (WHERE status = 'Sent') AS sent,
                                     count(*) FILTER (WHERE status = 'Failed') AS failed,
                                     count(*) FILTER (WHERE status = 'Pending') AS pending,
                                     count(*) FILTER (WHERE status = 'InProgress') AS in_progress,
                                     string_agg(message_identifier::text, ',' ORDER BY position) FILTER (WHERE status = 'Sent') AS sent_ids,
                                     string_agg(message_identifier::text, ',' ORDER BY position) FILTER (WHERE status = 'Failed') AS failed_ids,
                                     string_agg(message_identifier::text, ',' ORDER BY position) FILTER (WHERE status = 'Pending') AS pending_ids,
                                     string_agg(message_identifier::text, ',' ORDER BY position) FILTER (WHERE status = 'InProgress') AS in_progress_ids,
                                     string_agg(failure_reason, ',' ORDER BY position) FILTER (WHERE status = 'Failed') AS reasons
                              FROM conv_message WHERE request_id = :id) c
                        WHERE r.id = :id""")
                .bind("id", requestId).bind("now", now).execute();
    }
}
