package de.wachposten.platform.twitter;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of one {@link TwitterConnector}.
 *
 * @param timeout      limit for one HTTP request, from sending it to the last body byte (default 15 s)
 * @param maxBodyBytes largest response body accepted (default 8 MiB)
 * @param maxPages     most timeline pages read per poll (default 40; X serves at most the newest 3 200 posts, i.e. 32
 *                     pages of 100, so the cap only ends a runaway pagination)
 * @param sweepEvery   the deletion check of recent posts ({@code GET /2/tweets?ids=}, billed as reads) runs at every
 *                     n-th poll, starting with the first (default 1)
 * @param profileEvery the user lookup (profile and id; 300 requests per 15 minutes per app) runs at every n-th poll,
 *                     starting with the first (default 15)
 */
public record TwitterOptions(Duration timeout, long maxBodyBytes, int maxPages, int sweepEvery, int profileEvery) {

    /** Posts per timeline page; the API's maximum. */
    public static final int PAGE_SIZE = 100;

    public TwitterOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxBodyBytes < 1 || maxPages < 1 || sweepEvery < 1 || profileEvery < 1) {
            throw new IllegalArgumentException("maxBodyBytes, maxPages, sweepEvery and profileEvery must be at least 1");
        }
    }

    /** 15 s timeout, 8 MiB bodies, 40 pages, deletion check at every poll, profile at every 15th. */
    public static TwitterOptions defaults() {
        return new TwitterOptions(Duration.ofSeconds(15), 8L * 1024 * 1024, 40, 1, 15);
    }

    /** A copy with another timeout and body limit. */
    public TwitterOptions withLimits(Duration newTimeout, long newMaxBodyBytes) {
        return new TwitterOptions(newTimeout, newMaxBodyBytes, maxPages, sweepEvery, profileEvery);
    }

    /** A copy with another profile period. */
    public TwitterOptions withProfileEvery(int value) {
        return new TwitterOptions(timeout, maxBodyBytes, maxPages, sweepEvery, value);
    }
}
