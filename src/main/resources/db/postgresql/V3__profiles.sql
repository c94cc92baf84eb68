-- Schema version 3: the last seen profile of each channel's account, compared at every poll for profile_changed.

CREATE TABLE channel_profiles (
    channel_id TEXT PRIMARY KEY,
    revision   INTEGER NOT NULL,
    fields     TEXT NOT NULL,
    seen_at    TEXT NOT NULL
);
