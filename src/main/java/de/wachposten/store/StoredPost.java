package de.wachposten.store;

import de.wachposten.model.Post;
import java.time.Instant;

/**
 * One stored version of a post.
 *
 * @param versionId row id of this version (unique across the store)
 * @param version   1 for the first version seen, then 2, 3… for edits; a deletion is recorded as a further version
 *                  with {@code deletedAt} set
 * @param post      the post as fetched in this version
 * @param deletedAt when the daemon found the post gone (set on the tombstone version), else null
 * @param detected  true once detection has run for this version and its outcome is committed
 */
public record StoredPost(long versionId, int version, Post post, Instant deletedAt, boolean detected) {

    /** {@code channel/platformId}: the post's key across versions. */
    public String key() {
        return post.channelId() + "/" + post.platformId();
    }
}
