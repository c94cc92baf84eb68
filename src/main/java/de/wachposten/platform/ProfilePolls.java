package de.wachposten.platform;

/**
 * Decides at which polls a connector reads the account profile when that costs a request of its own: at the first
 * poll, then at every n-th, and at every poll after one whose profile never reached the pipeline (the read or the
 * rest of the poll failed), until a poll with a profile succeeds. One instance per connector; thread-safe.
 */
public final class ProfilePolls {
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
}
