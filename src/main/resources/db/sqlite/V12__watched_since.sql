-- When polling a channel first began (the start of the first poller for it). The first successful poll of a channel with
-- history: ignore archives the posts published before this moment and evaluates those published after it, so a post
-- that appears while the first polls fail (or before the first one completes) is still checked.
ALTER TABLE channel_state ADD COLUMN watched_since TEXT;
