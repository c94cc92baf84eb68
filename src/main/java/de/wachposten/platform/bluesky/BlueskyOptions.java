package de.wachposten.platform.bluesky;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of one {@link BlueskyConnector}.
 *
 * @param timeout      limit for one HTTP request, from sending it to the last body byte (default 15 s)
 * @param maxBodyBytes largest response body accepted (default 8 MiB)
 * @param maxPages     most feed pages read per poll when catching up (default 25)
 * @param profileEvery the profile is read at every n-th poll, starting with the first (default 5)
 * @param clockSkew    largest accepted distance between the client-set {@code createdAt} and the AppView's
 *                     {@code indexedAt}; beyond it the post's publication time is {@code indexedAt} (default 5 min)
 */
public record BlueskyOptions(Duration timeout, long maxBodyBytes, int maxPages, int profileEvery, Duration clockSkew) {

    /** Feed items per page; the API's maximum. */
    public static final int PAGE_SIZE = 100;

    public BlueskyOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxBodyBytes < 1 || maxPages < 1 || profileEvery < 1) {
            throw new IllegalArgumentException("maxBodyBytes, maxPages and profileEvery must be at least 1");
        }
    }

    /** 15 s timeout, 8 MiB bodies, 25 pages, profile at every 5th poll, 5 minutes of accepted clock skew. */
    public static BlueskyOptions defaults() {
        return new BlueskyOptions(Duration.ofSeconds(15), 8L * 1024 * 1024, 25, 5, Duration.ofMinutes(5));
    }

    /** A copy with another timeout and body limit. */
    public BlueskyOptions withLimits(Duration newTimeout, long newMaxBodyBytes) {
        return new BlueskyOptions(newTimeout, newMaxBodyBytes, maxPages, profileEvery, clockSkew);
    }
}
