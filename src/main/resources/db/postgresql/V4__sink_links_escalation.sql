-- Schema version 4: settings (the generated acknowledgement link key) and escalation state.

-- Small named values the daemon keeps across restarts, e.g. the generated key that signs acknowledgement links.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per escalated alert: how often it was escalated and when last (reminders are spaced by the office's repeat).
CREATE TABLE escalations (
    alert_id TEXT    PRIMARY KEY REFERENCES alerts (id),
    count    INTEGER NOT NULL,
    last_at  TEXT    NOT NULL
);
