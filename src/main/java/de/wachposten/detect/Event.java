package de.wachposten.detect;

import de.wachposten.model.Post;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What happened on a channel, as the detectors see it: a post was published, edited or deleted, the account's profile
 * changed, or a credential rotation owed after off-boarding is overdue. Each event names the post the alert is about
 * ({@link #post()}): the post version itself, or the archive entry the daemon made for an account event.
 */
public sealed interface Event {

    /** The kinds of events; a {@link Detector} says which ones it handles. */
    enum Kind {
        PUBLISHED, EDITED, DELETED, PROFILE_CHANGED, CREDENTIALS_OVERDUE;

        /** True for the kinds that bring new content of the account: a published post and an edit of one. */
        public boolean content() {
            return this == PUBLISHED || this == EDITED;
        }
    }

    /** The kind of this event. */
    default Kind kind() {
        return switch (this) {
            case Published p -> Kind.PUBLISHED;
            case Edited e -> Kind.EDITED;
            case Deleted d -> Kind.DELETED;
            case ProfileChanged p -> Kind.PROFILE_CHANGED;
            case CredentialsOverdue c -> Kind.CREDENTIALS_OVERDUE;
        };
    }

    /** The post the alert is about. */
    Post post();

    /** A post seen for the first time. */
    record Published(Post post) implements Event {
        public Published {
            Objects.requireNonNull(post, "post");
        }
    }

    /**
     * A post that changed after it was seen.
     *
     * @param post     the post as it reads now
     * @param version  its version number (2 for the first edit)
     * @param editedAt when the platform says it was edited; null when it does not say
     */
    record Edited(Post post, int version, Instant editedAt) implements Event {
        public Edited {
            Objects.requireNonNull(post, "post");
        }

        /** The edit of {@code post}, at the edit time the platform gives. */
        public Edited(Post post, int version) {
            this(post, version, post.editedAt());
        }
    }

    /**
     * A post that disappeared from the platform.
     *
     * @param post         the post as last seen
     * @param deletedAt    when the daemon found it gone
     * @param versionsKept how many versions of it the archive keeps
     */
    record Deleted(Post post, Instant deletedAt, int versionsKept) implements Event {
        public Deleted {
            Objects.requireNonNull(post, "post");
            Objects.requireNonNull(deletedAt, "deletedAt");
        }
    }

    /**
     * The account's profile changed.
     *
     * @param post     the archive entry of the new revision
     * @param revision the new revision (2 for the first change after the baseline)
     * @param before   the profile fields before
     * @param after    the profile fields now
     */
    record ProfileChanged(Post post, int revision, Map<String, String> before, Map<String, String> after)
            implements Event {
        public ProfileChanged {
            Objects.requireNonNull(post, "post");
            before = Map.copyOf(before);
            after = Map.copyOf(after);
        }
    }

    /**
     * A credential rotation owed after off-boarding passed its deadline.
     *
     * @param post the archive entry of the overdue task
     * @param task the task
     */
    record CredentialsOverdue(Post post, OwedRotation task) implements Event {
        public CredentialsOverdue {
            Objects.requireNonNull(post, "post");
            Objects.requireNonNull(task, "task");
        }
    }
}
