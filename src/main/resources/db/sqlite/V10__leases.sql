-- Schema version 10: coordination between instances on one database.
-- A lease names a piece of work (channel:<id>, job:<name>) and the instance that does it until expires_at. Its token
-- grows by one whenever it passes to another holder; writes fenced with an older token are refused. Rows are never
-- deleted, so a token never repeats. Instances record a heartbeat; an instance is alive while expires_at is ahead.
CREATE TABLE leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT   NOT NULL,
    token       BIGINT NOT NULL,
    expires_at  TEXT   NOT NULL,
    acquired_at TEXT   NOT NULL
);
CREATE INDEX leases_holder ON leases (holder);

CREATE TABLE instances (
    id         TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    seen_at    TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
