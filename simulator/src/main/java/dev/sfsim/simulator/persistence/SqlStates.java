package dev.sfsim.simulator.persistence;

import dev.sfsim.simulator.error.SalesforceException;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place PostgreSQL SQLStates become Salesforce errors, for failures that client input can cause:
 * {@code 23505} unique violation → 400 {@code DUPLICATE_VALUE}; {@code 22xxx} data exceptions → 400 {@code INVALID_INPUT};
 * {@code 08xxx} connection failures and {@code 57P0x} server shutdowns → 503 {@code SERVER_UNAVAILABLE}.
 * Anything else stays an unexpected error (500 {@code UNKNOWN_EXCEPTION}, logged).
 */
public final class SqlStates {
    private static final Pattern KEY = Pattern.compile("Key \\((\\w+)\\)=\\(([^)]*)\\)");

    private SqlStates() {}

    /** The Salesforce error for an exception caused (at any depth) by a client-caused SQL error. */
    public static Optional<SalesforceException> toSalesforce(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) return map(sql);
        }
        return Optional.empty();
    }

    private static Optional<SalesforceException> map(SQLException e) {
        String state = e.getSQLState();
        if (state.equals("23505")) {
            Matcher m = KEY.matcher(String.valueOf(e.getMessage()));
            boolean found = m.find();
            String field = !found || m.group(1).equals("id") ? "Id" : m.group(1);
            String value = found ? m.group(2) : "";
            return Optional.of(SalesforceException.badRequest("DUPLICATE_VALUE",
                    "duplicate value found: " + field + " duplicates value on record with id: " + value, List.of(field)));
        }
        if (state.startsWith("08") || state.startsWith("57P")) { // connection lost, server shut down or crashed
            return Optional.of(new SalesforceException(503, "SERVER_UNAVAILABLE",
                    "The server is unavailable to handle the request: its database does not answer."));
        }
        if (state.startsWith("22")) {
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
            return Optional.of(SalesforceException.badRequest("INVALID_INPUT", "The value cannot be stored: " + msg));
        }
        return Optional.empty();
    }
}
