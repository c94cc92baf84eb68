package de.wachposten.platform.mastodon;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.http.LimitedBody;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Sends the GET requests of one channel and turns every outcome into JSON or a {@link PlatformException}.
 *
 * <p>Each request has a hard deadline (the client's idle timeout plus a timer for the whole exchange), a body limit
 * enforced while the body streams in, and the bearer token in a header. Failure messages name the channel and the
 * request path and never contain the token, even when a server echoes it back.
 */
final class MastodonHttp {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int LOW_RATE_LIMIT_PERCENT = 5;
    private static final int MAX_DETAIL = 160;

    private final String channelId;
    private final String baseUrl;
    private final String token;
    private final ConnectorEnv env;
    private final MastodonOptions options;
    private final LimitedBody codec;
    private volatile RateLimitHeaders lastRateLimit;

    /** A parsed 2xx response. */
    record Reply(JsonNode json, String path) {}

    MastodonHttp(String channelId, String baseUrl, String token, ConnectorEnv env, MastodonOptions options) {
        this.channelId = channelId;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.env = env;
        this.options = options;
        this.codec = new LimitedBody(options.maxBodyBytes());
    }

    /** GETs {@code path} (with query) below the base URL; fails with {@link PlatformException} only. */
    Future<Reply> get(String path) {
        long timeoutMs = options.timeout().toMillis();
        HttpRequest<Buffer> request = env.client().getAbs(baseUrl + path).timeout(timeoutMs).as(codec)
                .putHeader("Accept", "application/json");
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        Promise<Reply> promise = Promise.promise();
        long timer = env.vertx().setTimer(timeoutMs, id -> promise.tryFail(timeout(path)));
        request.send().onComplete(ar -> {
            env.vertx().cancelTimer(timer);
            if (ar.failed()) {
                promise.tryFail(classify(ar.cause(), path));
                return;
            }
            try {
                promise.tryComplete(interpret(ar.result(), path));
            } catch (PlatformException e) {
                promise.tryFail(e);
            }
        });
        return promise.future();
    }

    /** The wait until the rate-limit reset when the last response showed the limit nearly used up, else null. */
    Duration minDelay() {
        RateLimitHeaders last = lastRateLimit;
        return last == null ? null : last.delayWhenLow(env.clock().instant(), LOW_RATE_LIMIT_PERCENT);
    }

    /** A failure naming this channel; the token is removed from {@code detail}. */
    PlatformException failure(Reason reason, String detail, Duration retryAfter) {
        return new PlatformException(reason, "poll mastodon channel " + channelId + ": " + scrub(detail), retryAfter);
    }

    private Reply interpret(HttpResponse<Buffer> response, String path) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            lastRateLimit = RateLimitHeaders.of(response.headers());
            return new Reply(parse(response, path), path);
        }
        Duration retryAfter = RateLimitHeaders.retryAfter(response.headers(), env.clock().instant());
        String detail = "HTTP " + status + " on GET " + path + errorText(response);
        if (status == 429) {
            String wait = retryAfter == null ? "" : ", retry in " + Math.max(1, retryAfter.toSeconds()) + " s";
            return throwing(failure(Reason.RATE_LIMITED, detail + wait, retryAfter));
        }
        return throwing(failure(reasonFor(status), detail, status >= 500 ? retryAfter : null));
    }

    private static Reason reasonFor(int status) {
        if (status >= 500) {
            return Reason.SERVER_ERROR;
        }
        return switch (status) {
            case 401, 403 -> Reason.AUTH;
            case 404, 410 -> Reason.NOT_FOUND;
            default -> status >= 400 ? Reason.CLIENT_ERROR : Reason.MALFORMED;
        };
    }

    private JsonNode parse(HttpResponse<Buffer> response, String path) {
        Buffer body = response.body();
        String contentType = response.getHeader("Content-Type");
        String typeNote = contentType == null || contentType.contains("json") ? "" : " (content type " + contentType + ")";
        try {
            return JSON.readTree(body == null ? new byte[0] : body.getBytes());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "unknown position" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw failure(Reason.MALFORMED, "malformed JSON at " + where + " of GET " + path + typeNote + ": "
                    + shorten(e.getOriginalMessage()), null);
        } catch (IOException e) {
            throw failure(Reason.MALFORMED, "malformed JSON in GET " + path + typeNote + ": " + e.getMessage(), null);
        }
    }

    private static String errorText(HttpResponse<Buffer> response) {
        try {
            JsonNode error = JSON.readTree(response.body() == null ? new byte[0] : response.body().getBytes());
            if (error != null && error.path("error").isTextual()) {
                return " (" + shorten(error.path("error").asText()) + ")";
            }
        } catch (IOException e) {
            // not a Mastodon error body: the status code alone says enough
        }
        return "";
    }

    private PlatformException classify(Throwable cause, String path) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.BodyTooLargeException tooLarge) {
                return failure(Reason.TOO_LARGE, "response to GET " + path + " is larger than " + tooLarge.limit
                        + " bytes", null);
            }
            if (t instanceof TimeoutException) {
                return timeout(path);
            }
            if (t instanceof PlatformException platform) {
                return platform;
            }
        }
        String kind = cause instanceof javax.net.ssl.SSLException ? "TLS error" : "network error";
        return failure(Reason.NETWORK, kind + " on GET " + path + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + shorten(cause.getMessage())), null);
    }

    private PlatformException timeout(String path) {
        return failure(Reason.TIMEOUT, "no complete response to GET " + path + " within "
                + options.timeout().toMillis() + " ms", null);
    }

    private String scrub(String text) {
        return token == null || token.isEmpty() ? text : text.replace(token, "<secret>");
    }

    private static String shorten(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
    }

    private static <T> T throwing(PlatformException e) {
        throw e;
    }
}
