-- The dispatcher's session insert fills the end user's and the channel's fields itself, for its whole batch in one join
-- (the same values the fill trigger computes), and marks its statement with sfsim.sessions_filled: the trigger, a
-- PL/pgSQL call and a query a row, then stands aside. Every other write fires it as before.
DROP TRIGGER messaging_session_end_user_links ON messaging_session;
CREATE TRIGGER messaging_session_end_user_links BEFORE INSERT ON messaging_session
    FOR EACH ROW WHEN (current_setting('sfsim.restoring', true) IS DISTINCT FROM 'on'
        AND current_setting('sfsim.sessions_filled', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION sfsim_session_end_user_links();
