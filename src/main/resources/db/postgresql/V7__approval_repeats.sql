-- Approvals that allow repeats: max_uses per approval (1 as before), several consumption events per approval,
-- at most one revocation and at most one consumption per post.
ALTER TABLE approvals ADD COLUMN max_uses INTEGER NOT NULL DEFAULT 1;
DROP INDEX approval_events_once;
CREATE UNIQUE INDEX approval_events_revoked_once ON approval_events (approval_id) WHERE kind = 'revoked';
CREATE UNIQUE INDEX approval_events_post_once ON approval_events (approval_id, post_key) WHERE kind = 'consumed';
