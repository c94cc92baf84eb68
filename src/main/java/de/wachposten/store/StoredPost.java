package de.wachposten.store;

import de.wachposten.model.Post;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One stored version of an archive entry: a post of the account, or an entry the daemon made itself about the
 * account (a profile revision, an overdue credential rotation).
 *
 * @param versionId row id of this version (unique across the store)
 * @param version   1 for the first version seen, then 2, 3… for edits; a deletion is recorded as a further version
 *                  with {@code deletedAt} set
 * @param post      the post as fetched in this version (for an entry of the daemon: its text and payload)
 * @param deletedAt when the daemon found the post gone (set on the tombstone version), else null
 * @param detected  true once detection has run for this version and its outcome is committed
 * @param kind      what the entry is
 */
public record StoredPost(long versionId, int version, Post post, Instant deletedAt, boolean detected, Kind kind) {

    /** What an archive entry is. Only {@link #POST} entries come from a platform and are handed to connectors. */
    public enum Kind {
        /** A post of the account, as fetched from the platform. */
        POST,
        /** A revision of the account's profile (display name, bio, avatar …), with the fields before and after. */
        PROFILE,
        /** A credential rotation owed after off-boarding that is past its deadline. */
        CREDENTIALS;

        /** The value stored in the {@code kind} column: {@code post}, {@code profile}, {@code credentials}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind stored as {@code value}. */
        public static Kind of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public StoredPost {
        Objects.requireNonNull(kind, "kind");
    }

    /** A version of a post of the account. */
    public StoredPost(long versionId, int version, Post post, Instant deletedAt, boolean detected) {
        this(versionId, version, post, deletedAt, detected, Kind.POST);
    }

    /** {@code channel/platformId}: the post's key across versions. */
    public String key() {
        return post.channelId() + "/" + post.platformId();
    }
}
