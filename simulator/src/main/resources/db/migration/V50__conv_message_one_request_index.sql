-- A request's messages are found through UNIQUE (request_id, position), which also gives them in recipient order; the
-- (request_id, status) index beside it only made every message's insert and every status change write one more index
-- entry (20,000 of each per 20,000 messages sent). Status lookups across requests keep conv_message_status_idx.
DROP INDEX conv_message_request_status_idx;
