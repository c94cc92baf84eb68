package de.wachposten.alert;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When the outbox tries a failed delivery again: exponential backoff with full jitter, and when it gives up.
 *
 * @param initialBackoff  upper bound of the wait after the first failed attempt (default 1 s)
 * @param maxBackoff      upper bound of any wait (default 5 min)
 * @param multiplier      growth of the bound per further failure (default 2)
 * @param deadLetterAfter age of an outbox entry after which a failure makes it a dead letter (default 24 h)
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, double multiplier, Duration deadLetterAfter) {
    /** The defaults: 1 s, 5 min, ×2, 24 h. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, Duration.ofHours(24));

    /** Checks the values; every duration positive, {@code maxBackoff ≥ initialBackoff}, {@code multiplier ≥ 1}. */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(deadLetterAfter, "deadLetterAfter");
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive, got " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is less than initialBackoff " + initialBackoff);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
        }
        if (deadLetterAfter.isNegative() || deadLetterAfter.isZero()) {
            throw new IllegalArgumentException("deadLetterAfter must be positive, got " + deadLetterAfter);
        }
    }

    /**
     * The upper bound of the wait after {@code attempts} failed attempts: {@code initialBackoff × multiplier^(attempts-1)},
     * at most {@code maxBackoff}.
     */
    public Duration ceiling(int attempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** The wait after {@code attempts} failed attempts: uniformly random between 0 and {@link #ceiling(int)} (full jitter). */
    public Duration backoff(int attempts, RandomGenerator rnd) {
        long bound = ceiling(attempts).toMillis();
        return Duration.ofMillis(rnd.nextLong(bound + 1));
    }

    /**
     * The wait before the next attempt: the backoff, or the receiver's {@code Retry-After} when that is longer (capped
     * at {@code deadLetterAfter}, so a receiver cannot park an alert beyond the point where it is given up).
     */
    public Duration nextWait(int attempts, Duration retryAfter, RandomGenerator rnd) {
        Duration wait = backoff(attempts, rnd);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(deadLetterAfter) > 0 ? deadLetterAfter : retryAfter;
        }
        return wait;
    }
}
