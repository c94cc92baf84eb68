package de.wachposten.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the simulator plays instead of (or around) a normal response. Constants and factory methods:
 * {@link #HTTP_500}, {@link #HTTP_503}, {@link #status(int)}, {@link #rateLimited(Duration, boolean)},
 * {@link #MALFORMED_JSON}, {@link #TRUNCATED_JSON}, {@link #HTML_ERROR_PAGE}, {@link #slow(Duration)},
 * {@link #huge(long)}, {@link #HANG}.
 */
public sealed interface Fault {

    /** 500 with the platform's error body. */
    Fault HTTP_500 = new Status(500);
    /** 503 with the platform's error body. */
    Fault HTTP_503 = new Status(503);
    /** 200 with a body that is not JSON at all. */
    Fault MALFORMED_JSON = new Simple("MALFORMED_JSON");
    /** 200 with the normal body cut off in the middle (the HTTP framing is complete). */
    Fault TRUNCATED_JSON = new Simple("TRUNCATED_JSON");
    /** 200 with an HTML error page as a proxy or a maintenance page would send it. */
    Fault HTML_ERROR_PAGE = new Simple("HTML_ERROR_PAGE");
    /** Reads the request and never answers. */
    Fault HANG = new Simple("HANG");

    /** Any HTTP status with the platform's error body. */
    static Fault status(int code) {
        return new Status(code);
    }

    /** The platform's rate-limit response; the reset lies {@code retryAfter} ahead, Retry-After sent on request. */
    static Fault rateLimited(Duration retryAfter, boolean withRetryAfterHeader) {
        return new RateLimited(retryAfter, withRetryAfterHeader);
    }

    /** The normal response, delayed. */
    static Fault slow(Duration delay) {
        return new Slow(delay);
    }

    /** 200 with a JSON body of {@code bytes} bytes streamed in chunks. */
    static Fault huge(long bytes) {
        return new Huge(bytes);
    }

    /** An HTTP error status. */
    record Status(int code) implements Fault {}

    /** A 429 as the platform sends it. */
    record RateLimited(Duration retryAfter, boolean withRetryAfterHeader) implements Fault {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** A delayed normal response. */
    record Slow(Duration delay) implements Fault {
        public Slow {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** A huge streamed body. */
    record Huge(long bytes) implements Fault {}

    /** A fault without parameters. */
    record Simple(String name) implements Fault {
        @Override
        public String toString() {
            return name;
        }
    }
}
