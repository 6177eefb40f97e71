-- Query cursors behind nextRecordsUrl (/query/{locator}): the statement and what is needed to re-read any page
-- of it; pages re-run the statement with its stable ORDER BY and an OFFSET. Expired rows are pruned on use.
CREATE SEQUENCE query_cursor_seq START 1;

CREATE TABLE query_cursor (
    id text PRIMARY KEY,                 -- the locator's cursor part, an 18-character id with prefix 01g
    soql text NOT NULL,
    api_version double precision NOT NULL,
    query_all boolean NOT NULL,
    batch_size integer NOT NULL,
    total_size bigint NOT NULL,
    clock_at timestamptz NOT NULL,       -- simulated instant at which relative date literals were evaluated
    last_used_at timestamptz NOT NULL    -- simulated instant of the last page served (idle expiry)
);
CREATE INDEX query_cursor_last_used_at ON query_cursor (last_used_at);

-- Selective SOQL on ConvMessageSendRequest: text compares as lower(column) = lower(?), dates by range.
CREATE INDEX conv_message_send_request_lower_name ON conv_message_send_request (lower(name));
CREATE INDEX conv_message_send_request_lower_status ON conv_message_send_request (lower(request_status), created_date);
CREATE INDEX conv_message_send_request_created_date ON conv_message_send_request (created_date);
