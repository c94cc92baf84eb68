package de.wachposten.platform;

import io.vertx.core.Future;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides at which polls a connector reads the account profile when that costs a request of its own: at the first
 * poll, then at every n-th, and at every poll after one whose profile never reached the pipeline (the read or the
 * rest of the poll failed), until a poll with a profile succeeds. One instance per connector; thread-safe.
 */
public final class ProfilePolls {
    private static final Logger LOG = LoggerFactory.getLogger(ProfilePolls.class);
    /** Failures of a profile read that concern that read alone: the posts can still be read. */
    private static final Set<PlatformException.Reason> PROFILE_ONLY = Set.of(PlatformException.Reason.CLIENT_ERROR,
            PlatformException.Reason.MALFORMED, PlatformException.Reason.TOO_LARGE);
    /** The profile is read at every 5th poll unless a connector says otherwise (as Bluesky does). */
    public static final int DEFAULT_EVERY = 5;

    private final int every;
    private long polls;
    private boolean pending = true;

    /** @throws IllegalArgumentException when {@code every} is below 1 */
    public ProfilePolls(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("profile read interval must be at least 1 poll, not " + every);
        }
        this.every = every;
    }

    /** Called once at the start of each poll: true when this poll reads the profile. */
    public synchronized boolean due() {
        boolean due = pending || polls % every == 0;
        polls++;
        pending = due;
        return due;
    }

    /** Called when a poll that read the profile succeeded as a whole. */
    public synchronized void delivered() {
        pending = false;
    }

    /**
     * A profile read whose failure must not stop the channel's posts from being read: when the platform refuses or
     * garbles the profile alone (a 4xx other than auth, not-found and rate limits; a malformed or oversized answer),
     * the profile counts as not seen this poll and a warning names the channel and cause. Failures that concern the
     * whole channel or credential (rate limits, auth, not found, server errors, timeouts, network) still fail the
     * poll. Use it only where the posts do not depend on the profile (not for the first lookup of an account id).
     */
    public static Future<Profile> tolerant(Future<Profile> read) {
        return read.recover(e -> {
            if (e instanceof PlatformException p && PROFILE_ONLY.contains(p.reason())) {
                LOG.warn("{} (the profile is skipped this time; posts are read as usual)", p.getMessage());
                return Future.succeededFuture(null);
            }
            return Future.failedFuture(e);
        });
    }
}
