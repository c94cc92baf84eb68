package de.wachposten.platform.graph;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.http.HttpFetch;
import de.wachposten.platform.http.HttpOptions;
import io.vertx.core.Future;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET requests to a Meta Graph API with a page or user token ({@code Authorization: Bearer}), classified the Graph
 * way: the error object's {@code code} decides, not the HTTP status. Throttling (codes 4, 17, 32, 613, 80001–80014)
 * fails as RATE_LIMITED with the wait from {@code Retry-After} or {@code estimated_time_to_regain_access} (minutes)
 * and blocks the token in the shared {@link GraphBudget}; usage headers at 90 % or more delay the next poll.
 * The token never appears in a message, also not from {@code paging.next} URLs that carry it.
 */
public final class GraphClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> THROTTLE = Set.of(4, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006,
            80008, 80009, 80014);
    private static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofMinutes(5);

    private final HttpFetch http;
    private final String token;
    private final GraphBudget budget;
    private final ConnectorEnv env;
    private volatile Duration minDelay;

    /** The Graph object is gone: error code 100 (subcode 33) on a single-object read. */
    public static final class GoneException extends RuntimeException {
        GoneException() {
            super(null, null, false, false);
        }
    }

    public GraphClient(String platform, String channelId, ConnectorEnv env, HttpOptions options, String token,
                       GraphBudget budget) {
        this.http = new HttpFetch(platform, channelId, env, options, List.of(token));
        this.token = token;
        this.budget = budget;
        this.env = env;
    }

    /** GETs an absolute Graph URL; fails with {@link PlatformException}, or {@link GoneException} for 100/33. */
    public Future<JsonNode> get(String url) {
        Instant now = env.clock().instant();
        Instant blocked = budget.blockedUntil(token, now);
        if (blocked != null) {
            Duration wait = Duration.between(now, blocked);
            return Future.failedFuture(http.rateLimited("access token throttled by the Graph API (shared with other"
                    + " channels)", wait));
        }
        return http.get(url, Map.of("Authorization", "Bearer " + token, "Accept", "application/json"))
                .map(this::interpret);
    }

    /** The delay the last usage headers ask for, or null. */
    public Duration minDelay() {
        return minDelay;
    }

    /** A failure naming platform and channel (credentials removed). */
    public PlatformException failure(Reason reason, String detail) {
        return http.failure(reason, detail, null);
    }

    private JsonNode interpret(HttpFetch.Response r) {
        GraphUsage usage = GraphUsage.of(r.headers());
        minDelay = usage.minDelay();
        JsonNode body = parse(r);
        JsonNode error = body.path("error");
        if (error.isObject()) {
            throw error(r, error, usage);
        }
        if (r.status() < 200 || r.status() >= 300) {
            throw http.statusFailure(r, null);
        }
        return body;
    }

    private RuntimeException error(HttpFetch.Response r, JsonNode error, GraphUsage usage) {
        int code = error.path("code").asInt(-1);
        int subcode = error.path("error_subcode").asInt(-1);
        String detail = "Graph error " + code + (subcode >= 0 ? "/" + subcode : "") + " (HTTP " + r.status() + ") on "
                + r.request() + ": " + HttpFetch.shorten(error.path("message").asText(""));
        if (THROTTLE.contains(code) || r.status() == 429) {
            Duration wait = HttpFetch.retryAfter(r.headers(), env.clock().instant());
            wait = wait != null ? wait : !usage.regain().isZero() ? usage.regain() : DEFAULT_THROTTLE_WAIT;
            budget.block(token, env.clock().instant().plus(wait));
            return http.rateLimited(detail, wait);
        }
        if (code == 100 && (subcode == 33 || r.status() == 404)) {
            return new GoneException();
        }
        Reason reason = code == 1 || code == 2 || r.status() >= 500 ? Reason.SERVER_ERROR
                : code == 190 || code == 10 || (code >= 200 && code <= 299) || code == 102 ? Reason.AUTH
                : code == 803 || code == 100 && r.status() == 404 ? Reason.NOT_FOUND : Reason.CLIENT_ERROR;
        return http.failure(reason, detail, null);
    }

    private JsonNode parse(HttpFetch.Response r) {
        String type = r.contentType();
        String typeNote = type.isEmpty() || type.contains("json") ? "" : " (content type " + type + ")";
        try {
            JsonNode n = JSON.readTree(r.body());
            if (n == null || !n.isObject()) {
                if (r.status() >= 200 && r.status() < 300) {
                    throw http.failure(Reason.MALFORMED, "malformed JSON at $ of " + r.request()
                            + ": expected an object" + typeNote, null);
                }
                return JSON.createObjectNode();
            }
            return n;
        } catch (JsonProcessingException e) {
            if (r.status() < 200 || r.status() >= 300) {
                throw http.statusFailure(r, null);
            }
            JsonLocation at = e.getLocation();
            String where = at == null ? "unknown position" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw http.failure(Reason.MALFORMED, "malformed JSON at " + where + " of " + r.request() + typeNote + ": "
                    + HttpFetch.shorten(e.getOriginalMessage()), null);
        } catch (IOException e) {
            throw http.failure(Reason.MALFORMED, "malformed JSON in " + r.request() + typeNote, null);
        }
    }
}
