-- sfsim schema v3: realistic messaging behaviour (issue 4): consent objects, delivery errors, delivery schedule,
-- session expiry, held enhanced entries, fault rules.

CREATE SEQUENCE messaging_delivery_error_name_seq;

CREATE TABLE comm_subscription (
    id text PRIMARY KEY, is_deleted boolean NOT NULL DEFAULT false,
    name text NOT NULL, description text, data_use_purpose_id text,
    created_date timestamptz NOT NULL, created_by_id text NOT NULL, last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL, system_modstamp timestamptz NOT NULL
);

CREATE TABLE comm_subscription_channel_type (
    id text PRIMARY KEY, is_deleted boolean NOT NULL DEFAULT false,
    name text NOT NULL, communication_subscription_id text NOT NULL, engagement_channel_type_id text,
    created_date timestamptz NOT NULL, created_by_id text NOT NULL, last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL, system_modstamp timestamptz NOT NULL
);
CREATE INDEX comm_subscription_channel_type_sub_idx ON comm_subscription_channel_type (communication_subscription_id);

CREATE TABLE comm_subscription_consent (
    id text PRIMARY KEY, is_deleted boolean NOT NULL DEFAULT false,
    name text NOT NULL, comm_subscription_channel_type_id text NOT NULL, contact_point_id text NOT NULL,
    consent_captured_date_time timestamptz NOT NULL, consent_captured_source text NOT NULL,
    privacy_consent_status text, effective_from_date date, effective_to_date date,
    created_date timestamptz NOT NULL, created_by_id text NOT NULL, last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL, system_modstamp timestamptz NOT NULL
);
CREATE INDEX comm_subscription_consent_contact_idx ON comm_subscription_consent (contact_point_id);

CREATE TABLE messaging_delivery_error (
    id text PRIMARY KEY, is_deleted boolean NOT NULL DEFAULT false,
    name text, type text, failure_reason text, full_message text, destination_phone_number text, flow_entity text,
    messaging_channel_id text, messaging_end_user_id text, messaging_template_id text,
    created_date timestamptz NOT NULL, created_by_id text NOT NULL, last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL, system_modstamp timestamptz NOT NULL
);

ALTER TABLE conv_message_send_request ADD COLUMN comm_subscription_id text;
-- Whether the request had to wait for a free in-progress slot (its sessions then belong to the Platform
-- Integration User), and whether it was ever taken up.
ALTER TABLE conv_message_send_request ADD COLUMN sfsim_queued boolean NOT NULL DEFAULT false;
ALTER TABLE conv_message_send_request ADD COLUMN sfsim_started boolean NOT NULL DEFAULT false;

-- Per message: status also Held (gated, counted as pending); transient failures so far; whether a delay fault
-- already applied; the entry written; when Delivered / Read / the undeliverable Error is due.
ALTER TABLE conv_message ADD COLUMN transient_failures integer NOT NULL DEFAULT 0;
ALTER TABLE conv_message ADD COLUMN delayed boolean NOT NULL DEFAULT false;
ALTER TABLE conv_message ADD COLUMN deliver_due_at timestamptz;
ALTER TABLE conv_message ADD COLUMN read_due_at timestamptz;
ALTER TABLE conv_message ADD COLUMN undeliverable_code text;
ALTER TABLE conv_message ADD COLUMN undeliverable_reason text;
CREATE INDEX conv_message_status_idx ON conv_message (status) WHERE status IN ('Held', 'InProgress', 'Pending');
CREATE INDEX conv_message_deliver_idx ON conv_message (deliver_due_at) WHERE deliver_due_at IS NOT NULL;
CREATE INDEX conv_message_read_idx ON conv_message (read_due_at) WHERE read_due_at IS NOT NULL;

-- KeepSessionOpen sessions end 48 simulated hours after the last end-user reply (or their start).
ALTER TABLE messaging_session ADD COLUMN sfsim_expires_at timestamptz;
CREATE INDEX messaging_session_expiry_idx ON messaging_session (sfsim_expires_at) WHERE sfsim_expires_at IS NOT NULL;

-- Entries of enhanced sessions that a real org shows only once the session ends.
CREATE TABLE conversation_entry_held (LIKE conversation_entry INCLUDING ALL);

CREATE INDEX conversation_entry_identifier_idx ON conversation_entry (message_identifier);
CREATE INDEX conversation_entry_held_identifier_idx ON conversation_entry_held (message_identifier);
CREATE INDEX outbox_request_idx ON outbox (request_id);

-- Fault rules of POST /__admin/faults.
CREATE TABLE fault_rule (
    seq                    bigserial PRIMARY KEY,
    id                     text NOT NULL UNIQUE,
    messaging_end_user_id  text,
    messaging_platform_key text,
    messaging_channel_id   text,
    effect                 text NOT NULL,
    reason                 text,
    status_code            text,
    times                  integer,
    delay_ms               bigint,
    fired                  integer NOT NULL DEFAULT 0
);

-- Text of inbound messages (POST /__admin/messaging/inbound), for the Connect API transcript of enhanced channels,
-- whose ConversationEntry.Message stays blank.
CREATE TABLE inbound_message (
    message_identifier   uuid PRIMARY KEY,
    messaging_session_id text NOT NULL,
    text                 text NOT NULL,
    received_at          timestamptz NOT NULL
);
CREATE INDEX outbox_session_idx ON outbox (messaging_session_id);
