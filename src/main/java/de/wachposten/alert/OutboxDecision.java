package de.wachposten.alert;

import de.wachposten.store.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * What the outbox does with one attempt's outcome. The only place where retry decisions are made.
 *
 * @param kind          delivered, retry or dead
 * @param nextAttemptAt when to try again (retry only)
 * @param reason        the error kept in the store (retry and dead)
 */
record OutboxDecision(Kind kind, Instant nextAttemptAt, String reason) {

    enum Kind { DELIVERED, RETRY, DEAD }

    static OutboxDecision delivered() {
        return new OutboxDecision(Kind.DELIVERED, null, null);
    }

    static OutboxDecision dead(String reason) {
        return new OutboxDecision(Kind.DEAD, null, reason);
    }

    /**
     * Decides after a failed attempt: not retryable → dead; retryable but the entry is older than
     * {@code deadLetterAfter} → dead; else retry after the policy's wait (or the receiver's Retry-After).
     */
    static OutboxDecision afterFailure(Delivery d, Throwable failure, Instant now, RetryPolicy policy,
                                       RandomGenerator rnd) {
        DeliveryException e = failure instanceof DeliveryException de ? de
                : new DeliveryException("sink " + d.sinkKey() + ": the notifier failed without a classification ("
                        + failure.getClass().getSimpleName() + ")", true);
        if (!e.retryable()) {
            return dead(e.getMessage());
        }
        int attempts = d.attempts() + 1;
        Duration age = Duration.between(d.createdAt(), now);
        if (age.compareTo(policy.deadLetterAfter()) >= 0) {
            return dead("gave up after " + attempts + " attempts in " + human(age) + " (dead-letter age "
                    + human(policy.deadLetterAfter()) + "); last error: " + e.getMessage());
        }
        Duration wait = policy.nextWait(attempts, e.retryAfter(), rnd);
        return new OutboxDecision(Kind.RETRY, now.plus(wait), e.getMessage());
    }

    /** {@code 1d 2h 3m 4s} style, seconds precision. */
    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        StringBuilder sb = new StringBuilder();
        if (s >= 86_400) {
            sb.append(s / 86_400).append("d ");
        }
        if (s >= 3_600) {
            sb.append(s % 86_400 / 3_600).append("h ");
        }
        if (s >= 60) {
            sb.append(s % 3_600 / 60).append("m ");
        }
        return sb.append(s % 60).append('s').toString();
    }
}
