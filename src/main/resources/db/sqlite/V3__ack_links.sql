-- Small named values the daemon keeps across restarts, e.g. the generated key that signs acknowledgement links.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
