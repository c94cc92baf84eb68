package de.wachposten.platform;

import de.wachposten.model.Post;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What one poll of one channel returned.
 *
 * @param posts      new posts and new versions of known posts (edits), oldest first
 * @param cursor     the cursor to persist once these posts are stored; never moves backwards
 * @param deletedIds platform ids of previously seen posts the platform now reports as gone
 * @param profile    the account profile if this poll saw it, else null (null means "not seen", never "changed")
 * @param minDelay   the earliest the next poll may run according to the platform's rate-limit signals, or null
 * @param undatedIds platform ids of posts whose source states no publication time (feeds without item dates): their
 *                   {@code publishedAt} is when they were first seen
 */
public record FetchResult(List<Post> posts, String cursor, List<String> deletedIds, Profile profile, Duration minDelay,
                          Set<String> undatedIds) {
    public FetchResult {
        posts = List.copyOf(posts);
        deletedIds = deletedIds == null ? List.of() : List.copyOf(deletedIds);
        undatedIds = undatedIds == null ? Set.of() : Set.copyOf(undatedIds);
    }

    /** A result whose posts all carry the source's publication time. */
    public FetchResult(List<Post> posts, String cursor, List<String> deletedIds, Profile profile, Duration minDelay) {
        this(posts, cursor, deletedIds, profile, minDelay, Set.of());
    }
}
