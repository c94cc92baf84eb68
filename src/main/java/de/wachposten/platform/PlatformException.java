package de.wachposten.platform;

import java.time.Duration;
import java.util.Locale;

/**
 * A failed platform request. The {@link Reason} becomes the {@code result} tag of the poll metric; {@code retryAfter}
 * is the platform's own wait signal (Retry-After, rate-limit reset) when it gave one.
 */
public class PlatformException extends RuntimeException {

    /** Why a poll failed. Bounded, so it can be a metric tag. */
    public enum Reason {
        RATE_LIMITED, SERVER_ERROR, CLIENT_ERROR, AUTH, NOT_FOUND, MALFORMED, TOO_LARGE, TIMEOUT, NETWORK, CONFIG;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final Duration retryAfter;

    public PlatformException(Reason reason, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public PlatformException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The platform's requested wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
