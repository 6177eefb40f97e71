-- sfsim schema v1: one table per catalog object (one column per field, snake case of the API name;
-- dev.sfsim.simulator.catalog.StandardObjects is the source, CatalogSchemaTest keeps both in step),
-- plus the simulator's own tables (components, per-recipient messages, outbox, tokens).

CREATE SEQUENCE sfsim_id_seq START 1000;
CREATE SEQUENCE conv_message_send_request_name_seq;
CREATE SEQUENCE messaging_session_name_seq;

CREATE TABLE organization (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    name text NOT NULL,
    instance_name text,
    is_sandbox boolean NOT NULL DEFAULT false,
    namespace_prefix text,
    organization_type text,
    trial_expiration_date timestamptz,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

CREATE TABLE users (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    username text NOT NULL,
    first_name text,
    last_name text NOT NULL,
    name text,
    email text NOT NULL,
    alias text,
    is_active boolean NOT NULL DEFAULT false,
    user_type text,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

CREATE TABLE messaging_channel (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    master_label text NOT NULL,
    developer_name text NOT NULL,
    message_type text NOT NULL,
    messaging_platform_key text NOT NULL,
    channel_address_identifier text,
    is_active boolean NOT NULL DEFAULT false,
    platform_type text,
    consent_type text,
    routing_type text,
    iso_country_code text,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

CREATE TABLE messaging_end_user (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    name text NOT NULL,
    messaging_channel_id text NOT NULL,
    messaging_platform_key text NOT NULL,
    message_type text NOT NULL,
    messaging_consent_status text,
    has_initial_response_sent boolean NOT NULL DEFAULT false,
    account_id text,
    contact_id text,
    lead_id text,
    owner_id text,
    iso_country_code text,
    locale text,
    profile_picture_url text,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

CREATE TABLE messaging_session (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    name text,
    status text,
    origin text,
    agent_type text,
    ended_by_type text,
    channel_type text,
    messaging_end_user_id text NOT NULL,
    messaging_channel_id text NOT NULL,
    start_time timestamptz,
    end_time timestamptz,
    accept_time timestamptz,
    case_id text,
    lead_id text,
    owner_id text,
    channel_name text,
    channel_key text,
    session_key text,
    agent_message_count integer,
    end_user_message_count integer,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

CREATE TABLE conversation_entry (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    conversation_id text NOT NULL,
    seq integer NOT NULL,
    entry_time timestamptz NOT NULL,
    entry_time_milli_secs integer,
    entry_type text NOT NULL,
    actor_type text NOT NULL,
    actor_id text,
    actor_name text,
    message text,
    message_identifier text,
    message_status text,
    message_status_code text,
    message_send_time timestamptz,
    message_deliver_time timestamptz,
    message_read_time timestamptz,
    entry_end_time timestamptz,
    has_attachments boolean NOT NULL DEFAULT false,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

CREATE TABLE conv_message_send_request (
    id text PRIMARY KEY,
    is_deleted boolean NOT NULL DEFAULT false,
    name text NOT NULL,
    request_type text NOT NULL,
    request_status text NOT NULL,
    message_definition text NOT NULL,
    message_definition_parameters text,
    allow_existing_session_status text NOT NULL,
    request_consent_type text,
    should_enforce_channel_consent boolean NOT NULL DEFAULT false,
    session_longevity_preference text,
    total_message_count integer,
    success_message_count integer,
    failed_message_count integer,
    pending_message_count integer NOT NULL,
    in_progress_message_count integer NOT NULL,
    success_message_identifiers text,
    failed_message_identifiers text,
    pending_message_identifiers text,
    in_progress_message_identifiers text,
    failed_message_error_reasons text,
    completed_date timestamptz,
    created_date timestamptz NOT NULL,
    created_by_id text NOT NULL,
    last_modified_date timestamptz NOT NULL,
    last_modified_by_id text NOT NULL,
    system_modstamp timestamptz NOT NULL
);

-- Internal columns of the request: the input parameters (rendered into each message) and when the
-- dispatcher may pick it up (latency profile).
ALTER TABLE conv_message_send_request ADD COLUMN sfsim_parameters jsonb NOT NULL DEFAULT '[]';
ALTER TABLE conv_message_send_request ADD COLUMN sfsim_due_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX conv_message_send_request_status_idx ON conv_message_send_request (request_status, sfsim_due_at);

CREATE INDEX messaging_end_user_channel_idx ON messaging_end_user (messaging_channel_id);
CREATE INDEX messaging_session_end_user_idx ON messaging_session (messaging_end_user_id);
CREATE INDEX conversation_entry_conversation_idx ON conversation_entry (conversation_id, seq);

-- Notification messaging components (Setup metadata in a real org; seeded through /__admin/fixtures).
CREATE TABLE messaging_component (
    developer_name text PRIMARY KEY,
    master_label   text NOT NULL,
    component_type text NOT NULL,
    is_active      boolean NOT NULL,
    body_text      text NOT NULL,
    parameters     jsonb NOT NULL DEFAULT '[]'
);

-- One row per recipient of a request: the unit the dispatcher claims (FOR UPDATE SKIP LOCKED).
-- status: Pending | InProgress | Sent | Failed.
CREATE TABLE conv_message (
    message_identifier    uuid PRIMARY KEY,
    request_id            text NOT NULL REFERENCES conv_message_send_request (id),
    position              integer NOT NULL,
    messaging_end_user_id text NOT NULL,
    status                text NOT NULL,
    failure_reason        text,
    messaging_session_id  text,
    due_at                timestamptz,
    UNIQUE (request_id, position)
);
CREATE INDEX conv_message_request_status_idx ON conv_message (request_id, status);

-- What the fake channels "received" (GET /__admin/outbox), newest last.
CREATE TABLE outbox (
    seq                     bigserial PRIMARY KEY,
    message_identifier      uuid NOT NULL UNIQUE,
    request_id              text NOT NULL,
    messaging_end_user_id   text NOT NULL,
    messaging_platform_key  text NOT NULL,
    messaging_channel_id    text NOT NULL,
    message_type            text,
    messaging_session_id    text NOT NULL,
    message_definition_name text NOT NULL,
    text                    text NOT NULL,
    status                  text NOT NULL,
    status_code             text,
    sent_at                 timestamptz NOT NULL,
    delivered_at            timestamptz,
    read_at                 timestamptz
);

-- OAuth access tokens issued by /services/oauth2/token.
CREATE TABLE access_token (
    token      text PRIMARY KEY,
    user_id    text NOT NULL,
    org_id     text NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
