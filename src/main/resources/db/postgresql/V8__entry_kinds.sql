-- What an archive entry is: a post of the account ('post'), a revision of the account's profile ('profile') or an
-- overdue credential rotation ('credentials'). Entries stored before this migration are typed by the platform ids
-- the daemon gave its own entries (profile:<revision>, credentials:<task id>).

ALTER TABLE posts ADD COLUMN kind TEXT NOT NULL DEFAULT 'post' CHECK (kind IN ('post', 'profile', 'credentials'));
UPDATE posts SET kind = 'profile' WHERE substr(platform_id, 1, 8) = 'profile:';
UPDATE posts SET kind = 'credentials' WHERE substr(platform_id, 1, 12) = 'credentials:';
CREATE INDEX posts_channel_kind_published ON posts (channel_id, kind, published_at);
