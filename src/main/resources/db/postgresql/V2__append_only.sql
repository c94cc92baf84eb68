-- Schema version 2: approvals, approval events and the audit log refuse updates and deletes (and TRUNCATE).
-- One trigger function raises the message given by each trigger, the same messages as in SQLite.

CREATE FUNCTION wachposten_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals
    FOR EACH ROW EXECUTE FUNCTION wachposten_append_only('approvals are append-only');
CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
    FOR EACH ROW EXECUTE FUNCTION wachposten_append_only('approvals are append-only');
CREATE TRIGGER approvals_no_truncate BEFORE TRUNCATE ON approvals
    FOR EACH STATEMENT EXECUTE FUNCTION wachposten_append_only('approvals are append-only');

CREATE TRIGGER approval_events_no_update BEFORE UPDATE ON approval_events
    FOR EACH ROW EXECUTE FUNCTION wachposten_append_only('approval events are append-only');
CREATE TRIGGER approval_events_no_delete BEFORE DELETE ON approval_events
    FOR EACH ROW EXECUTE FUNCTION wachposten_append_only('approval events are append-only');
CREATE TRIGGER approval_events_no_truncate BEFORE TRUNCATE ON approval_events
    FOR EACH STATEMENT EXECUTE FUNCTION wachposten_append_only('approval events are append-only');

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    FOR EACH ROW EXECUTE FUNCTION wachposten_append_only('the audit log is append-only');
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION wachposten_append_only('the audit log is append-only');
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION wachposten_append_only('the audit log is append-only');
