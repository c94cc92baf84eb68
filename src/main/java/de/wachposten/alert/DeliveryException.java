package de.wachposten.alert;

import java.time.Duration;

/**
 * A failed delivery. {@code retryable} says whether trying again can succeed (5xx, 429, timeouts, connection errors)
 * or not (other 4xx, a rejected payload, a missing secret); the outbox decides on that alone. Messages never contain
 * a secret.
 */
public class DeliveryException extends RuntimeException {
    private final boolean retryable;
    private final Duration retryAfter;

    public DeliveryException(String message, boolean retryable, Duration retryAfter) {
        super(message);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public DeliveryException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The receiver's requested wait (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
