-- Schema version 3: drafts and their events (approve, reject), append-only like approvals.

CREATE TABLE drafts (
    id          TEXT PRIMARY KEY,
    channel_id  TEXT NOT NULL,
    text        TEXT NOT NULL,
    not_before  TEXT,
    not_after   TEXT,
    drafted_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX drafts_channel ON drafts (channel_id, created_at);

-- kind approved: one approver agreed (approval_id set when that made the draft an approval); kind rejected: reason.
CREATE TABLE draft_events (
    id          INTEGER PRIMARY KEY,
    draft_id    TEXT NOT NULL REFERENCES drafts (id),
    kind        TEXT NOT NULL CHECK (kind IN ('approved', 'rejected')),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    reason      TEXT,
    approval_id TEXT REFERENCES approvals (id)
);
CREATE UNIQUE INDEX draft_events_once_per_actor ON draft_events (draft_id, actor);
CREATE UNIQUE INDEX draft_events_one_rejection ON draft_events (draft_id) WHERE kind = 'rejected';
CREATE UNIQUE INDEX draft_events_one_approval ON draft_events (draft_id) WHERE approval_id IS NOT NULL;

CREATE TRIGGER drafts_no_update BEFORE UPDATE ON drafts
BEGIN
    SELECT RAISE(ABORT, 'drafts are append-only');
END;

CREATE TRIGGER drafts_no_delete BEFORE DELETE ON drafts
BEGIN
    SELECT RAISE(ABORT, 'drafts are append-only');
END;

CREATE TRIGGER draft_events_no_update BEFORE UPDATE ON draft_events
BEGIN
    SELECT RAISE(ABORT, 'draft events are append-only');
END;

CREATE TRIGGER draft_events_no_delete BEFORE DELETE ON draft_events
BEGIN
    SELECT RAISE(ABORT, 'draft events are append-only');
END;

-- An approval given after the post it matched (README, Freigaben / Approvals: late approval): recorded once, never
-- changed.
CREATE TABLE approval_late (
    approval_id TEXT PRIMARY KEY REFERENCES approvals (id),
    post_key    TEXT NOT NULL,
    alert_id    TEXT NOT NULL,
    at          TEXT NOT NULL
);

CREATE TRIGGER approval_late_no_update BEFORE UPDATE ON approval_late
BEGIN
    SELECT RAISE(ABORT, 'late approval records are append-only');
END;

CREATE TRIGGER approval_late_no_delete BEFORE DELETE ON approval_late
BEGIN
    SELECT RAISE(ABORT, 'late approval records are append-only');
END;

-- Off-boarding (README, Zugang und Austritt / Access and off-boarding): a person with access left; the channel's
-- credentials must be rotated. A task is closed by the first rotation of its channel at or after the task was opened.
-- Both tables are append-only.
CREATE TABLE rotation_tasks (
    id         INTEGER PRIMARY KEY,
    channel_id TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    left_at    TEXT NOT NULL,
    opened_at  TEXT NOT NULL,
    opened_by  TEXT NOT NULL
);
CREATE INDEX rotation_tasks_channel ON rotation_tasks (channel_id, opened_at);

CREATE TABLE credential_rotations (
    id         INTEGER PRIMARY KEY,
    channel_id TEXT NOT NULL,
    at         TEXT NOT NULL,
    by_user    TEXT NOT NULL
);
CREATE INDEX credential_rotations_channel ON credential_rotations (channel_id, at);

CREATE TRIGGER rotation_tasks_no_update BEFORE UPDATE ON rotation_tasks
BEGIN
    SELECT RAISE(ABORT, 'rotation tasks are append-only');
END;

CREATE TRIGGER rotation_tasks_no_delete BEFORE DELETE ON rotation_tasks
BEGIN
    SELECT RAISE(ABORT, 'rotation tasks are append-only');
END;

CREATE TRIGGER credential_rotations_no_update BEFORE UPDATE ON credential_rotations
BEGIN
    SELECT RAISE(ABORT, 'credential rotations are append-only');
END;

CREATE TRIGGER credential_rotations_no_delete BEFORE DELETE ON credential_rotations
BEGIN
    SELECT RAISE(ABORT, 'credential rotations are append-only');
END;
