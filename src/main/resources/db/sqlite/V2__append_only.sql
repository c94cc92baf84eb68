-- Schema version 2: approvals, approval events and the audit log refuse updates and deletes.

CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals
BEGIN
    SELECT RAISE(ABORT, 'approvals are append-only');
END;

CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
BEGIN
    SELECT RAISE(ABORT, 'approvals are append-only');
END;

CREATE TRIGGER approval_events_no_update BEFORE UPDATE ON approval_events
BEGIN
    SELECT RAISE(ABORT, 'approval events are append-only');
END;

CREATE TRIGGER approval_events_no_delete BEFORE DELETE ON approval_events
BEGIN
    SELECT RAISE(ABORT, 'approval events are append-only');
END;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
