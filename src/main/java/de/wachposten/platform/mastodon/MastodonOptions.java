package de.wachposten.platform.mastodon;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of one {@link MastodonConnector}.
 *
 * @param timeout      limit for one HTTP request, from sending it to the last body byte (default 15 s)
 * @param maxBodyBytes largest response body accepted; larger bodies fail the poll with {@code too_large} (default 8 MiB)
 * @param maxPages     most status pages read per poll when catching up; the rest follows at the next poll (default 25)
 * @param sweepEvery   the edit/delete sweep over recent posts runs at every n-th poll, starting with the first
 *                     (default 1: every poll)
 */
public record MastodonOptions(Duration timeout, long maxBodyBytes, int maxPages, int sweepEvery) {

    /** Statuses per page; Mastodon's maximum. */
    public static final int PAGE_SIZE = 40;

    public MastodonOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxBodyBytes < 1 || maxPages < 1 || sweepEvery < 1) {
            throw new IllegalArgumentException("maxBodyBytes, maxPages and sweepEvery must be at least 1");
        }
    }

    /** 15 s timeout, 8 MiB bodies, 25 pages per poll, sweep at every poll. */
    public static MastodonOptions defaults() {
        return new MastodonOptions(Duration.ofSeconds(15), 8L * 1024 * 1024, 25, 1);
    }

    /** A copy with another request timeout. */
    public MastodonOptions withTimeout(Duration value) {
        return new MastodonOptions(value, maxBodyBytes, maxPages, sweepEvery);
    }

    /** A copy with another body limit. */
    public MastodonOptions withMaxBodyBytes(long value) {
        return new MastodonOptions(timeout, value, maxPages, sweepEvery);
    }

    /** A copy with another page cap. */
    public MastodonOptions withMaxPages(int value) {
        return new MastodonOptions(timeout, maxBodyBytes, value, sweepEvery);
    }

    /** A copy with another sweep period. */
    public MastodonOptions withSweepEvery(int value) {
        return new MastodonOptions(timeout, maxBodyBytes, maxPages, value);
    }
}
