package de.wachposten.alert;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * How an HTTP-based sink classifies the outcome of one attempt (README, Alerts: the signed webhook): 2xx delivered;
 * 408, 425, 429 and 5xx retryable, honouring {@code Retry-After}; 3xx (never followed), 410 and other 4xx final;
 * timeouts, refused or reset connections and TLS errors retryable.
 *
 * <p>Messages are built here rather than copied from exceptions, because transport exceptions may quote the full
 * request URI including a query string that carries a token.
 */
public final class HttpFailures {
    private static final int MAX_STATUS_TEXT = 80;

    private HttpFailures() {}

    /**
     * The failure of an HTTP answer, or empty for 2xx.
     *
     * @param sink       how the sink is named in messages, see {@link #sinkName}
     * @param status     HTTP status code
     * @param statusText reason phrase, may be null
     * @param retryAfter the {@code Retry-After} header, may be null
     * @param now        current time, to turn an HTTP-date into a delay
     */
    public static Optional<DeliveryException> forStatus(String sink, int status, String statusText, String retryAfter,
                                                        Instant now) {
        if (status >= 200 && status < 300) {
            return Optional.empty();
        }
        String what = sink + ": HTTP " + status + shortText(statusText);
        if (status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600)) {
            Duration wait = parseRetryAfter(retryAfter, now);
            String when = wait == null ? "" : ", retry after " + wait.toSeconds() + " s";
            return Optional.of(new DeliveryException(what + when, true, wait));
        }
        String why = status >= 300 && status < 400 ? " (redirects are not followed; configure the final URL)"
                : status == 410 ? " (the receiver says the endpoint is gone)" : " (rejected by the receiver)";
        return Optional.of(new DeliveryException(what + why, false));
    }

    /** The failure of an attempt that got no HTTP answer; always retryable. */
    public static DeliveryException forTransport(String sink, Throwable cause, Duration timeout) {
        return new DeliveryException(sink + ": " + describe(cause, timeout), true);
    }

    /**
     * Parses {@code Retry-After}: delay seconds or an HTTP-date (RFC 1123). Null when absent or unparseable; a date in
     * the past gives zero.
     */
    public static Duration parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /**
     * A URL as it may be printed: {@code scheme://host:port/path}, without user info, query or fragment (they may carry
     * tokens).
     */
    public static String safeUrl(String url) {
        if (url == null) {
            return "<no url>";
        }
        try {
            URI u = URI.create(url.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                return "<invalid url>";
            }
            String port = u.getPort() == -1 ? "" : ":" + u.getPort();
            String path = u.getRawPath() == null ? "" : u.getRawPath();
            return u.getScheme() + "://" + u.getHost() + port + path;
        } catch (IllegalArgumentException e) {
            return "<invalid url>";
        }
    }

    /** How messages name a sink: {@code webhook sink of office sms-presse (https://alerts.example/hook)}. */
    public static String sinkName(String type, String officeId, String url) {
        return type + " sink of office " + officeId + " (" + safeUrl(url) + ")";
    }

    private static String describe(Throwable cause, Duration timeout) {
        if (inChain(cause, TimeoutException.class) || chainText(cause).contains("timeout")) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (inChain(cause, ConnectException.class)) {
            return "connection refused or unreachable";
        }
        if (inChain(cause, SSLException.class)) {
            return "TLS handshake or certificate error";
        }
        String text = chainText(cause);
        if (text.contains("reset") || text.contains("closed")) {
            return "connection closed by the receiver before an answer";
        }
        return "transport error (" + cause.getClass().getSimpleName() + ")";
    }

    private static boolean inChain(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** Class names and messages of the chain, lower case; only searched, never printed. */
    private static String chainText(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getClass().getSimpleName()).append(' ').append(c.getMessage()).append(' ');
        }
        return sb.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String shortText(String statusText) {
        if (statusText == null || statusText.isBlank()) {
            return "";
        }
        String s = statusText.replaceAll("[\\p{Cntrl}]", " ").strip();
        return " " + (s.length() > MAX_STATUS_TEXT ? s.substring(0, MAX_STATUS_TEXT) + "…" : s);
    }
}
