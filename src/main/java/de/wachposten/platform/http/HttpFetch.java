package de.wachposten.platform.http;

import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET requests of one channel with a hard deadline, a body limit enforced while the body streams in, redirects
 * followed by hand (with loop detection), and failures as {@link PlatformException} whose message names platform,
 * channel and request and never contains a credential, even when a server echoes it back.
 *
 * <p>{@link #get} fails only when no complete response arrived (timeout, network, too large, redirects); every HTTP
 * status is returned, so each platform classifies its own error bodies, usually through {@link #statusFailure}.
 */
public final class HttpFetch {
    private final String prefix;
    private final ConnectorEnv env;
    private final HttpOptions options;
    private final List<String> secrets;
    private final LimitedBody codec;

    /**
     * A complete response.
     *
     * @param status  HTTP status
     * @param headers response headers
     * @param body    the body (empty when none)
     * @param url     the URL that answered (after redirects)
     * @param request "GET path?query" of the first request, credentials removed, for messages
     * @param movedPermanently true when a 301 or 308 led here
     */
    public record Response(int status, MultiMap headers, byte[] body, String url, String request,
                           boolean movedPermanently) {
        /** A header value or null. */
        public String header(String name) {
            return headers.get(name);
        }

        /** The Content-Type or an empty string. */
        public String contentType() {
            String type = headers.get("Content-Type");
            return type == null ? "" : type;
        }
    }

    /**
     * @param platform  platform name for messages
     * @param channelId channel id for messages
     * @param secrets   values that must never appear in a message (tokens, keys, passwords); nulls are ignored
     */
    public HttpFetch(String platform, String channelId, ConnectorEnv env, HttpOptions options, List<String> secrets) {
        this.prefix = "poll " + platform + " channel " + channelId + ": ";
        this.env = env;
        this.options = options;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
        this.codec = new LimitedBody(options.maxBodyBytes());
    }

    /** GETs the absolute {@code url} with {@code headers}; fails with {@link PlatformException} only. */
    public Future<Response> get(String url, Map<String, String> headers) {
        String request = "GET " + pathOf(url);
        Set<String> visited = new LinkedHashSet<>();
        visited.add(url);
        return get(url, headers, request, visited, false);
    }

    private Future<Response> get(String url, Map<String, String> headers, String request, Set<String> visited,
                                 boolean moved) {
        return once(url, headers, request).compose(r -> {
            String location = r.header("Location");
            if (!isRedirect(r.status()) || location == null) {
                return Future.succeededFuture(new Response(r.status(), r.headers(), r.body(), url, request, moved));
            }
            String next = URI.create(url).resolve(location.strip()).toString();
            if (!visited.add(next)) {
                return Future.failedFuture(failure(Reason.CLIENT_ERROR, "redirect loop on " + request + ": "
                        + String.join(" -> ", paths(visited)) + " -> " + pathOf(next), null));
            }
            if (visited.size() > options.maxRedirects() + 1) {
                return Future.failedFuture(failure(Reason.CLIENT_ERROR, "more than " + options.maxRedirects()
                        + " redirects on " + request, null));
            }
            boolean permanent = moved || r.status() == 301 || r.status() == 308;
            return get(next, headers, request, visited, permanent);
        });
    }

    private Future<Response> once(String url, Map<String, String> headers, String request) {
        long timeoutMs = options.timeout().toMillis();
        HttpRequest<Buffer> http;
        try {
            http = env.client().getAbs(url).timeout(timeoutMs).followRedirects(false).as(codec);
        } catch (RuntimeException e) {
            return Future.failedFuture(failure(Reason.CONFIG, "cannot request " + request + ": " + e.getMessage(), null));
        }
        headers.forEach(http::putHeader);
        Promise<Response> promise = Promise.promise();
        long timer = env.vertx().setTimer(timeoutMs, id -> promise.tryFail(timeout(request)));
        http.send().onComplete(ar -> {
            env.vertx().cancelTimer(timer);
            if (ar.failed()) {
                promise.tryFail(classify(ar.cause(), request));
                return;
            }
            HttpResponse<Buffer> r = ar.result();
            byte[] body = r.body() == null ? new byte[0] : r.body().getBytes();
            promise.tryComplete(new Response(r.statusCode(), r.headers(), body, url, request, false));
        });
        return promise.future();
    }

    /**
     * The usual reading of a non-2xx status: 429 rate limited (wait from Retry-After), 5xx server error (with
     * Retry-After when sent), 401/403 auth, 404/410 not found, other 4xx client error, anything else malformed.
     *
     * @param errorText the platform's error message from the body, or null
     */
    public PlatformException statusFailure(Response r, String errorText) {
        Duration retryAfter = retryAfter(r.headers(), env.clock().instant());
        String detail = "HTTP " + r.status() + " on " + r.request()
                + (errorText == null || errorText.isBlank() ? "" : " (" + shorten(errorText) + ")");
        if (r.status() == 429) {
            return rateLimited(detail, retryAfter);
        }
        return failure(RequestFailures.reasonFor(r.status()), detail, r.status() >= 500 ? retryAfter : null);
    }

    /** A RATE_LIMITED failure; the message says how long to wait when known. */
    public PlatformException rateLimited(String detail, Duration retryAfter) {
        String wait = retryAfter == null ? "" : ", retry in " + Math.max(1, retryAfter.toSeconds()) + " s";
        return failure(Reason.RATE_LIMITED, detail + wait, retryAfter);
    }

    /** A failure naming platform and channel; credentials are removed from {@code detail}. */
    public PlatformException failure(Reason reason, String detail, Duration retryAfter) {
        return new PlatformException(reason, prefix + scrub(detail), retryAfter);
    }

    /** {@code text} with every credential replaced by {@code <secret>}. */
    public String scrub(String text) {
        String out = text == null ? "" : text;
        for (String s : secrets) {
            out = out.replace(s, "<secret>");
        }
        return out;
    }

    /** The wait {@code Retry-After} asks for (seconds or HTTP-date), at least 1 s; null when absent or unreadable. */
    public static Duration retryAfter(MultiMap headers, Instant now) {
        String value = headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant until;
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            until = now.plusSeconds(Long.parseLong(v));
        } else {
            try {
                until = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Duration wait = Duration.between(now, until);
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    /** One line of at most 160 characters. */
    public static String shorten(String text) {
        return RequestFailures.shorten(text);
    }

    private PlatformException classify(Throwable cause, String request) {
        return RequestFailures.transport(cause, request, options.timeout(), this::failure);
    }

    private PlatformException timeout(String request) {
        return RequestFailures.timeout(request, options.timeout(), this::failure);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static List<String> paths(Set<String> urls) {
        List<String> out = new ArrayList<>();
        urls.forEach(u -> out.add(pathOf(u)));
        return out;
    }

    /** Path and query of an absolute URL (the host is the channel's own and adds nothing to a message). */
    static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
