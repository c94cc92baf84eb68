package de.wachposten.platform.http;

import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * What the connectors' HTTP clients ({@link HttpFetch}, {@link JsonGet}) say the same way: a request that got no
 * complete response (too large, timeout, TLS or network), what a non-2xx status means, and how a detail is shortened.
 * Each client brings its own failure builder, which names platform and channel and removes credentials.
 */
final class RequestFailures {
    private static final int MAX_DETAIL = 160;

    /** Builds a failure naming platform and channel, credentials removed from {@code detail}. */
    @FunctionalInterface
    interface Failure {
        PlatformException of(Reason reason, String detail, Duration retryAfter);
    }

    private RequestFailures() {}

    /**
     * The failure of {@code request} (such as {@code GET /path?query}) that ended with {@code cause}: TOO_LARGE when
     * the body limit stopped it, TIMEOUT, a {@link PlatformException} found in the chain as it is, else NETWORK.
     */
    static PlatformException transport(Throwable cause, String request, Duration timeout, Failure failure) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.BodyTooLargeException tooLarge) {
                return failure.of(Reason.TOO_LARGE, "response to " + request + " is larger than " + tooLarge.limit
                        + " bytes", null);
            }
            if (t instanceof TimeoutException) {
                return timeout(request, timeout, failure);
            }
            if (t instanceof PlatformException platform) {
                return platform;
            }
        }
        String kind = cause instanceof SSLException ? "TLS error" : "network error";
        return failure.of(Reason.NETWORK, kind + " on " + request + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + shorten(cause.getMessage())), null);
    }

    /** TIMEOUT: no complete response to {@code request} within {@code timeout}. */
    static PlatformException timeout(String request, Duration timeout, Failure failure) {
        return failure.of(Reason.TIMEOUT, "no complete response to " + request + " within " + timeout.toMillis()
                + " ms", null);
    }

    /** 5xx server error, 401/403 auth, 404/410 not found, other 4xx client error, anything else malformed. */
    static Reason reasonFor(int status) {
        if (status >= 500) {
            return Reason.SERVER_ERROR;
        }
        return switch (status) {
            case 401, 403 -> Reason.AUTH;
            case 404, 410 -> Reason.NOT_FOUND;
            default -> status >= 400 ? Reason.CLIENT_ERROR : Reason.MALFORMED;
        };
    }

    /** {@code text} on one line of at most 160 characters. */
    static String shorten(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
    }
}
