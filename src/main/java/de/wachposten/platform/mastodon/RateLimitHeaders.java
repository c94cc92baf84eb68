package de.wachposten.platform.mastodon;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads Mastodon's rate-limit signals: {@code Retry-After} (seconds or HTTP-date) and the {@code X-RateLimit-*}
 * headers, whose reset is an ISO-8601 timestamp with microseconds.
 *
 * @param limit     {@code X-RateLimit-Limit}, or -1
 * @param remaining {@code X-RateLimit-Remaining}, or -1
 * @param reset     {@code X-RateLimit-Reset}, or null
 */
record RateLimitHeaders(long limit, long remaining, Instant reset) {
    private static final Duration MIN_WAIT = Duration.ofSeconds(1);

    static RateLimitHeaders of(MultiMap headers) {
        return new RateLimitHeaders(number(headers.get("X-RateLimit-Limit")),
                number(headers.get("X-RateLimit-Remaining")), instant(headers.get("X-RateLimit-Reset")));
    }

    /**
     * The wait a 429 (or 503) asks for: {@code Retry-After} when present, else the rate-limit reset; at least one
     * second; null when the response gives neither.
     */
    static Duration retryAfter(MultiMap headers, Instant now) {
        Instant until = retryAfterHeader(headers.get("Retry-After"), now);
        if (until == null) {
            until = instant(headers.get("X-RateLimit-Reset"));
        }
        if (until == null) {
            return null;
        }
        Duration wait = Duration.between(now, until);
        return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }

    /**
     * The time until the reset when at most {@code percent} % of the limit remains, else null.
     */
    Duration delayWhenLow(Instant now, int percent) {
        if (limit <= 0 || remaining < 0 || reset == null || remaining * 100 > limit * percent) {
            return null;
        }
        Duration wait = Duration.between(now, reset);
        return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
    }

    private static Instant retryAfterHeader(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        long seconds = number(v);
        if (seconds >= 0) {
            return now.plusSeconds(seconds);
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        long epochSeconds = number(v);
        if (epochSeconds >= 0) {
            return Instant.ofEpochSecond(epochSeconds);
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static long number(String value) {
        if (value == null || value.isBlank() || !MastodonIds.isNumeric(value.strip()) || value.strip().length() > 18) {
            return -1;
        }
        return Long.parseLong(value.strip());
    }
}
