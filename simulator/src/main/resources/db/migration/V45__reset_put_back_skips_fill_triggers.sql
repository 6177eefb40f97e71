-- A reset puts back rows these triggers already filled when the org's startup state was first loaded (its reset
-- template, the same channels and end users put back with them): the put-back sets sfsim.restoring for its
-- transaction and the triggers stand aside. Run for each of 99 fixture end users they were a third of a reset's
-- database time. Every other write fires them as before.
DROP TRIGGER messaging_end_user_fully_opted_in ON messaging_end_user;
CREATE TRIGGER messaging_end_user_fully_opted_in BEFORE INSERT OR UPDATE ON messaging_end_user
    FOR EACH ROW WHEN (current_setting('sfsim.restoring', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION sfsim_meu_fully_opted_in();

DROP TRIGGER messaging_session_end_user_links ON messaging_session;
CREATE TRIGGER messaging_session_end_user_links BEFORE INSERT ON messaging_session
    FOR EACH ROW WHEN (current_setting('sfsim.restoring', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION sfsim_session_end_user_links();
