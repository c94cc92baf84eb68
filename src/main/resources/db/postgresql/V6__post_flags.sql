-- Post flags: reply, repost and quote as the platform states them, and the attached media as a JSON list of
-- {type, url, description}. Versions stored before this migration read back as plain posts without media.

ALTER TABLE post_versions ADD COLUMN is_reply INTEGER NOT NULL DEFAULT 0;
ALTER TABLE post_versions ADD COLUMN is_repost INTEGER NOT NULL DEFAULT 0;
ALTER TABLE post_versions ADD COLUMN is_quote INTEGER NOT NULL DEFAULT 0;
ALTER TABLE post_versions ADD COLUMN media TEXT NOT NULL DEFAULT '[]';
