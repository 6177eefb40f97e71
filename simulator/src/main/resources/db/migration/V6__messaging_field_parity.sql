-- Fields of a real org's describe that the messaging objects lacked (issue 11).
ALTER TABLE messaging_end_user ADD COLUMN is_fully_opted_in boolean NOT NULL DEFAULT false;

ALTER TABLE messaging_session ADD COLUMN target_user_id text;
ALTER TABLE messaging_session ADD COLUMN conversation_id text;
ALTER TABLE messaging_session ADD COLUMN end_user_account_id text;
ALTER TABLE messaging_session ADD COLUMN end_user_contact_id text;

ALTER TABLE conversation_entry ADD COLUMN client_timestamp timestamptz;
ALTER TABLE conversation_entry ADD COLUMN client_duration integer;
ALTER TABLE conversation_entry ADD COLUMN server_received_timestamp timestamptz;
ALTER TABLE conversation_entry_held ADD COLUMN client_timestamp timestamptz;
ALTER TABLE conversation_entry_held ADD COLUMN client_duration integer;
ALTER TABLE conversation_entry_held ADD COLUMN server_received_timestamp timestamptz;

ALTER TABLE conv_message_send_request ADD COLUMN success_meu_platform_keys text;
ALTER TABLE conv_message_send_request ADD COLUMN failed_meu_platform_keys text;
ALTER TABLE conv_message_send_request ADD COLUMN pending_meu_platform_keys text;
ALTER TABLE conv_message_send_request ADD COLUMN in_progress_meu_platform_keys text;
ALTER TABLE conv_message_send_request ADD COLUMN pending_messaging_end_user_ids text;
ALTER TABLE conv_message_send_request ADD COLUMN in_progress_messaging_end_user_ids text;
ALTER TABLE conv_message_send_request ADD COLUMN in_progress_messaging_session_ids text;

-- IsFullyOptedIn: the end user's consent status meets its channel's consent type (MessagingEndUser reference).
-- Kept by the database so that every write path (REST, fixtures, inbound keywords) agrees.
CREATE FUNCTION sfsim_meu_fully_opted_in() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.is_fully_opted_in := coalesce(NEW.messaging_consent_status, 'ImplicitlyOptedIn') <> 'OptedOut' AND CASE
        (SELECT coalesce(c.consent_type, 'ImplicitOptIn') FROM messaging_channel c WHERE c.id = NEW.messaging_channel_id)
        WHEN 'DoubleOptIn' THEN NEW.messaging_consent_status = 'DoublyOptedIn'
        WHEN 'ExplicitOptIn' THEN NEW.messaging_consent_status IN ('ExplicitlyOptedIn', 'DoublyOptedIn')
        ELSE true END;
    RETURN NEW;
END $$;
CREATE TRIGGER messaging_end_user_fully_opted_in BEFORE INSERT OR UPDATE ON messaging_end_user
    FOR EACH ROW EXECUTE FUNCTION sfsim_meu_fully_opted_in();

CREATE FUNCTION sfsim_channel_consent_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE messaging_end_user SET is_fully_opted_in = is_fully_opted_in WHERE messaging_channel_id = NEW.id;
    RETURN NEW;
END $$;
CREATE TRIGGER messaging_channel_consent_changed AFTER UPDATE OF consent_type ON messaging_channel
    FOR EACH ROW EXECUTE FUNCTION sfsim_channel_consent_changed();

-- Read-only fields the org fills when a session starts, whoever creates it: EndUserAccountId / EndUserContactId from the
-- end user's Account and Contact; ChannelName, ChannelKey and ChannelType from the session's channel.
CREATE FUNCTION sfsim_session_end_user_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT u.account_id, u.contact_id INTO NEW.end_user_account_id, NEW.end_user_contact_id
    FROM messaging_end_user u WHERE u.id = NEW.messaging_end_user_id;
    SELECT coalesce(NEW.channel_name, c.master_label), coalesce(NEW.channel_key, c.messaging_platform_key),
           coalesce(NEW.channel_type, CASE WHEN c.message_type IN ('AppleBusinessChat', 'EmbeddedMessaging', 'Facebook', 'Phone',
               'Text', 'Voice', 'WhatsApp') THEN c.message_type END)
    INTO NEW.channel_name, NEW.channel_key, NEW.channel_type
    FROM messaging_channel c WHERE c.id = NEW.messaging_channel_id;
    RETURN NEW;
END $$;
CREATE TRIGGER messaging_session_end_user_links BEFORE INSERT ON messaging_session
    FOR EACH ROW EXECUTE FUNCTION sfsim_session_end_user_links();
