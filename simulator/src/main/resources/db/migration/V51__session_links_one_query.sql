-- The session fill trigger (V6) read the end user and the channel in two queries a row: one query now, the same values
-- (a missing end user leaves both links null; a missing channel leaves the three channel fields null, as before).
CREATE OR REPLACE FUNCTION sfsim_session_end_user_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT u.account_id, u.contact_id,
           CASE WHEN c.id IS NOT NULL THEN coalesce(NEW.channel_name, c.master_label) END,
           CASE WHEN c.id IS NOT NULL THEN coalesce(NEW.channel_key, c.messaging_platform_key) END,
           CASE WHEN c.id IS NOT NULL THEN coalesce(NEW.channel_type, CASE WHEN c.message_type IN ('AppleBusinessChat',
               'EmbeddedMessaging', 'Facebook', 'Phone', 'Text', 'Voice', 'WhatsApp') THEN c.message_type END) END
    INTO NEW.end_user_account_id, NEW.end_user_contact_id, NEW.channel_name, NEW.channel_key, NEW.channel_type
    FROM (SELECT 1) one
    LEFT JOIN messaging_end_user u ON u.id = NEW.messaging_end_user_id
    LEFT JOIN messaging_channel c ON c.id = NEW.messaging_channel_id;
    RETURN NEW;
END $$;
