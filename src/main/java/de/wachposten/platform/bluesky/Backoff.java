package de.wachposten.platform.bluesky;

import java.time.Duration;

/** Reconnect delays: {@code first}, doubling with every failure up to {@code max}; {@link #reset} starts over. */
final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, not " + first + " and " + max);
        }
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The delay before the next attempt; the one after is twice as long, at most {@code max}. */
    synchronized Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    /** After a good connection: the next delay is {@code first} again. */
    synchronized void reset() {
        next = first;
    }
}
