-- Schema version 9: outbox claims and one alert per post.
-- An instance claims the due entries it is about to send (claimed_by: its store instance id; claimed_until: when the
-- claim lapses, so the entries of an instance that died are taken by another). Alert ids are derived from the post,
-- so there is one alert per post already; the index says so for the post row too.

ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;
ALTER TABLE deliveries ADD COLUMN claimed_until TEXT;
CREATE UNIQUE INDEX alerts_one_per_post ON alerts (post_id);
