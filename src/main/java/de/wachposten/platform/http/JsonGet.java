package de.wachposten.platform.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.RateBudget;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sends the GET requests of one channel and turns every outcome into JSON or a {@link PlatformException}.
 *
 * <p>Each request has a hard deadline (the client's idle timeout plus a timer for the whole exchange), a body limit
 * enforced while the body streams in, and the bearer token (if any) in a header. Failure messages name the platform,
 * the channel and the request path, and never contain the token, even when a server echoes it back. With a
 * {@link RateBudget}, a request whose shared window is used up fails as {@code rate_limited} without being sent.
 */
public final class JsonGet {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int LOW_RATE_LIMIT_PERCENT = 5;

    private final Target target;
    private final ConnectorEnv env;
    private final Limits limits;
    private final RateHeaders rateHeaders;
    private final Function<JsonNode, String> errorText;
    private final RateBudget budget;
    private final LimitedBody codec;
    private volatile RateHeaders.State lastRateLimit;

    /**
     * Where requests go.
     *
     * @param platform  platform name for messages
     * @param channelId channel id for messages
     * @param baseUrl   API base URL (a trailing slash is dropped)
     * @param token     bearer token, or null for unauthenticated requests
     */
    public record Target(String platform, String channelId, String baseUrl, String token) {
        public Target {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(channelId, "channelId");
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }
    }

    /**
     * Per-request limits.
     *
     * @param timeout      from sending to the last body byte
     * @param maxBodyBytes largest body accepted
     */
    public record Limits(Duration timeout, long maxBodyBytes) {
        public Limits {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || maxBodyBytes < 1) {
                throw new IllegalArgumentException("timeout and maxBodyBytes must be positive");
            }
        }
    }

    /** A parsed 2xx response. */
    public record Reply(JsonNode json, String path) {}

    /**
     * @param errorText reads the platform's error body into a short text, or returns null
     * @param budget    shared rate-limit windows, or null
     */
    public JsonGet(Target target, ConnectorEnv env, Limits limits, RateHeaders rateHeaders,
                   Function<JsonNode, String> errorText, RateBudget budget) {
        this.target = target;
        this.env = env;
        this.limits = limits;
        this.rateHeaders = rateHeaders;
        this.errorText = errorText;
        this.budget = budget;
        this.codec = new LimitedBody(limits.maxBodyBytes());
    }

    /** GETs {@code path} (with query) below the base URL without a shared budget. */
    public Future<Reply> get(String path) {
        return get(path, null);
    }

    /**
     * GETs {@code path} (with query) below the base URL; fails with {@link PlatformException} only.
     *
     * @param budgetKey the {@link RateBudget} window this request counts against, or null
     */
    public Future<Reply> get(String path, String budgetKey) {
        Instant now = env.clock().instant();
        Duration wait = budget == null || budgetKey == null ? null : budget.acquire(budgetKey, now);
        if (wait != null) {
            return Future.failedFuture(failure(Reason.RATE_LIMITED, "the rate limit shared by the channels with this"
                    + " credential is used up before GET " + path + ", retry in " + wait.toSeconds() + " s", wait));
        }
        long timeoutMs = limits.timeout().toMillis();
        HttpRequest<Buffer> request = env.client().getAbs(target.baseUrl() + path).timeout(timeoutMs).as(codec)
                .putHeader("Accept", "application/json");
        if (target.token() != null) {
            request.putHeader("Authorization", "Bearer " + target.token());
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
                promise.tryComplete(interpret(ar.result(), path, budgetKey));
            } catch (PlatformException e) {
                promise.tryFail(e);
            }
        });
        return promise.future();
    }

    /** The wait until the rate-limit reset when the last response showed the limit nearly used up, else null. */
    public Duration minDelay() {
        RateHeaders.State last = lastRateLimit;
        if (last == null || last.limit() <= 0 || last.remaining() < 0 || last.reset() == null
                || last.remaining() * 100 > last.limit() * LOW_RATE_LIMIT_PERCENT) {
            return null;
        }
        return RateHeaders.atLeastOneSecond(Duration.between(env.clock().instant(), last.reset()));
    }

    /** A failure naming the platform and channel; the token is removed from {@code detail}. */
    public PlatformException failure(Reason reason, String detail, Duration retryAfter) {
        return new PlatformException(reason, "poll " + target.platform() + " channel " + target.channelId() + ": "
                + scrub(detail), retryAfter);
    }

    /** A malformed-JSON failure at {@code where} (a JSON path) of the response to {@code path}. */
    public PlatformException malformed(String where, String path, String expected) {
        return failure(Reason.MALFORMED, "malformed JSON at " + where + " of GET " + path + ": " + expected, null);
    }

    private Reply interpret(HttpResponse<Buffer> response, String path, String budgetKey) {
        int status = response.statusCode();
        Instant now = env.clock().instant();
        RateHeaders.State state = rateHeaders.read(response.headers());
        if (status >= 200 && status < 300) {
            lastRateLimit = state;
            if (budget != null && budgetKey != null) {
                budget.observe(budgetKey, state.remaining(), state.reset(), env.sharers().getAsInt());
            }
            return new Reply(parse(response, path), path);
        }
        Duration retryAfter = rateHeaders.retryAfter(response.headers(), now);
        String detail = "HTTP " + status + " on GET " + path + errorDetail(response);
        if (status == 429) {
            if (budget != null && budgetKey != null && retryAfter != null) {
                budget.exhausted(budgetKey, now.plus(retryAfter));
            }
            String wait = retryAfter == null ? "" : ", retry in " + retryAfter.toSeconds() + " s";
            throw failure(Reason.RATE_LIMITED, detail + wait, retryAfter);
        }
        throw failure(RequestFailures.reasonFor(status), detail, status >= 500 ? retryAfter : null);
    }

    private JsonNode parse(HttpResponse<Buffer> response, String path) {
        Buffer body = response.body();
        String contentType = response.getHeader("Content-Type");
        String typeNote = contentType == null || contentType.contains("json") ? "" : " (content type " + contentType + ")";
        try {
            JsonNode json = JSON.readTree(body == null ? new byte[0] : body.getBytes());
            if (json == null || json.isMissingNode()) {
                throw failure(Reason.MALFORMED, "malformed JSON at line 1, column 1 of GET " + path + typeNote
                        + ": empty body", null);
            }
            return json;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "unknown position" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw failure(Reason.MALFORMED, "malformed JSON at " + where + " of GET " + path + typeNote + ": "
                    + shorten(e.getOriginalMessage()), null);
        } catch (IOException e) {
            throw failure(Reason.MALFORMED, "malformed JSON in GET " + path + typeNote + ": " + e.getMessage(), null);
        }
    }

    private String errorDetail(HttpResponse<Buffer> response) {
        try {
            JsonNode error = JSON.readTree(response.body() == null ? new byte[0] : response.body().getBytes());
            String text = error == null ? null : errorText.apply(error);
            return text == null || text.isBlank() ? "" : " (" + shorten(text) + ")";
        } catch (IOException | RuntimeException e) {
            return ""; // not the platform's error body: the status code alone says enough
        }
    }

    private PlatformException classify(Throwable cause, String path) {
        return RequestFailures.transport(cause, "GET " + path, limits.timeout(), this::failure);
    }

    private PlatformException timeout(String path) {
        return RequestFailures.timeout("GET " + path, limits.timeout(), this::failure);
    }

    private String scrub(String text) {
        String token = target.token();
        return token == null || token.isEmpty() ? text : text.replace(token, "<secret>");
    }

    /** {@code text} on one line, cut to a readable length. */
    public static String shorten(String text) {
        return RequestFailures.shorten(text);
    }
}
