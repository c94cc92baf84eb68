package de.wachposten.platform.http;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Names of a platform's rate-limit headers and how to read them. The reset is read as unix seconds (X, atproto) or as
 * an ISO-8601 timestamp; {@code Retry-After} as seconds or an HTTP date.
 *
 * @param limitHeader     e.g. {@code x-rate-limit-limit}
 * @param remainingHeader e.g. {@code x-rate-limit-remaining}
 * @param resetHeader     e.g. {@code x-rate-limit-reset}
 */
public record RateHeaders(String limitHeader, String remainingHeader, String resetHeader) {
    private static final Duration MIN_WAIT = Duration.ofSeconds(1);

    /** X API v2: {@code x-rate-limit-*}, reset in unix seconds. */
    public static final RateHeaders X = new RateHeaders("x-rate-limit-limit", "x-rate-limit-remaining",
            "x-rate-limit-reset");
    /** atproto services: {@code RateLimit-*}, reset in unix seconds. */
    public static final RateHeaders ATPROTO = new RateHeaders("RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset");
    /** Mastodon: {@code X-RateLimit-*}, reset as an ISO-8601 timestamp with microseconds. */
    public static final RateHeaders MASTODON = new RateHeaders("X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset");

    public RateHeaders {
        Objects.requireNonNull(limitHeader, "limitHeader");
        Objects.requireNonNull(remainingHeader, "remainingHeader");
        Objects.requireNonNull(resetHeader, "resetHeader");
    }

    /**
     * One response's rate-limit state.
     *
     * @param limit     the window's limit, or -1
     * @param remaining requests left in the window, or -1
     * @param reset     when the window resets, or null
     */
    public record State(long limit, long remaining, Instant reset) {
        /** True when the headers said anything at all. */
        public boolean known() {
            return limit >= 0 || remaining >= 0 || reset != null;
        }
    }

    /** The state the headers show. */
    public State read(MultiMap headers) {
        return new State(number(headers.get(limitHeader)), number(headers.get(remainingHeader)),
                instant(headers.get(resetHeader)));
    }

    /**
     * The wait a 429 (or 503) asks for: {@code Retry-After} when present, else the rate-limit reset; at least one
     * second; null when the response gives neither.
     */
    public Duration retryAfter(MultiMap headers, Instant now) {
        Instant until = retryAfterHeader(headers.get("Retry-After"), now);
        if (until == null) {
            until = instant(headers.get(resetHeader));
        }
        return until == null ? null : atLeastOneSecond(Duration.between(now, until));
    }

    static Duration atLeastOneSecond(Duration wait) {
        return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }

    private static Instant retryAfterHeader(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long seconds = number(value);
        if (seconds >= 0) {
            return now.plusSeconds(seconds);
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long epochSeconds = number(value);
        if (epochSeconds >= 0) {
            return Instant.ofEpochSecond(epochSeconds);
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static long number(String value) {
        if (value == null) {
            return -1;
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(v);
    }
}
