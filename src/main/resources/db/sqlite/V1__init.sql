-- Wachposten store, schema version 1.
-- Instants are ISO-8601 UTC text with nine fraction digits (fixed width, so text order is time order).

CREATE TABLE channel_state (
    channel_id      TEXT PRIMARY KEY,
    cursor          TEXT,
    last_poll_at    TEXT,
    last_success_at TEXT,
    last_error      TEXT
);

-- One row per post (channel + platform id); points at its latest version.
CREATE TABLE posts (
    id             INTEGER PRIMARY KEY,
    channel_id     TEXT    NOT NULL,
    platform       TEXT    NOT NULL,
    platform_id    TEXT    NOT NULL,
    latest_version INTEGER NOT NULL,
    published_at   TEXT    NOT NULL,
    first_seen_at  TEXT    NOT NULL,
    deleted_at     TEXT,
    UNIQUE (channel_id, platform_id)
);
CREATE INDEX posts_channel_published ON posts (channel_id, published_at);
CREATE INDEX posts_published ON posts (published_at);

-- Every version of every post, with the raw payload; a deletion is a tombstone version.
CREATE TABLE post_versions (
    id           INTEGER PRIMARY KEY,
    post_id      INTEGER NOT NULL REFERENCES posts (id),
    version      INTEGER NOT NULL,
    url          TEXT,
    author       TEXT,
    text         TEXT    NOT NULL,
    search_text  TEXT    NOT NULL,
    published_at TEXT    NOT NULL,
    edited_at    TEXT,
    client       TEXT,
    language     TEXT,
    links        TEXT    NOT NULL,
    seen_at      TEXT    NOT NULL,
    raw_json     TEXT    NOT NULL,
    deleted_at   TEXT,
    detected     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (post_id, version)
);
CREATE INDEX post_versions_pending ON post_versions (id) WHERE detected = 0;

-- Approval records are immutable; revocation and consumption are events.
CREATE TABLE approvals (
    id          TEXT PRIMARY KEY,
    channel_id  TEXT NOT NULL,
    text        TEXT NOT NULL,
    not_before  TEXT,
    not_after   TEXT,
    drafted_by  TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX approvals_channel ON approvals (channel_id, created_at);

CREATE TABLE approval_events (
    id          INTEGER PRIMARY KEY,
    approval_id TEXT NOT NULL REFERENCES approvals (id),
    kind        TEXT NOT NULL CHECK (kind IN ('revoked', 'consumed')),
    at          TEXT NOT NULL,
    actor       TEXT,
    post_key    TEXT
);
-- An approval is closed at most once: revoked or consumed, never both, never twice.
CREATE UNIQUE INDEX approval_events_once ON approval_events (approval_id);

CREATE TABLE findings (
    id          INTEGER PRIMARY KEY,
    version_id  INTEGER NOT NULL REFERENCES post_versions (id),
    code        TEXT    NOT NULL,
    severity    TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    rule        TEXT,
    category    TEXT,
    matches     TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL
);
CREATE INDEX findings_version ON findings (version_id);

CREATE TABLE alerts (
    id         TEXT PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES posts (id),
    version_id INTEGER NOT NULL REFERENCES post_versions (id),
    channel_id TEXT    NOT NULL,
    platform   TEXT    NOT NULL,
    office_id  TEXT    NOT NULL,
    severity   TEXT    NOT NULL,
    status     TEXT    NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
    resolution TEXT,
    revision   INTEGER NOT NULL,
    reasons    TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX alerts_status ON alerts (status, created_at);
CREATE INDEX alerts_channel ON alerts (channel_id, created_at);

-- The delivery outbox: one row per alert revision and sink.
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    alert_id        TEXT    NOT NULL REFERENCES alerts (id),
    revision        INTEGER NOT NULL,
    sink_key        TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    delivered_at    TEXT,
    dead_at         TEXT,
    UNIQUE (alert_id, revision, sink_key)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at, id) WHERE state = 'pending';

-- Append-only, hash-chained audit log.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    type      TEXT NOT NULL,
    subject   TEXT NOT NULL,
    data      TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_subject ON audit (subject);
CREATE INDEX audit_at ON audit (at);
