package de.wachposten.platform.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the HTTP requests of one connector.
 *
 * @param timeout      limit for one request, from sending it to the last body byte (default 15 s)
 * @param maxBodyBytes largest response body accepted; larger bodies fail the poll with {@code too_large} (default 8 MiB)
 * @param maxRedirects redirects followed per request before the poll fails (default 5); 0 follows none
 */
public record HttpOptions(Duration timeout, long maxBodyBytes, int maxRedirects) {

    public HttpOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxBodyBytes < 1 || maxRedirects < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1 and maxRedirects at least 0");
        }
    }

    /** 15 s, 8 MiB, 5 redirects. */
    public static HttpOptions defaults() {
        return new HttpOptions(Duration.ofSeconds(15), 8L * 1024 * 1024, 5);
    }

    /** A copy with another timeout. */
    public HttpOptions withTimeout(Duration value) {
        return new HttpOptions(value, maxBodyBytes, maxRedirects);
    }

    /** A copy with another body limit. */
    public HttpOptions withMaxBodyBytes(long value) {
        return new HttpOptions(timeout, value, maxRedirects);
    }
}
