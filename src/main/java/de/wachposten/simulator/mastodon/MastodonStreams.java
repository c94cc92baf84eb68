package de.wachposten.simulator.mastodon;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Mastodon's streaming API as server-sent events: {@code GET /api/v1/streaming/user} (a granted bearer token; the
 * events of the token's account) and {@code GET /api/v1/streaming/public} (every account). Events: {@code update}
 * and {@code status.update} with the status JSON, {@code delete} with the status id. A connection starts with a
 * {@code :)} comment, as Mastodon's does.
 */
final class MastodonStreams {
    /** One open stream; {@code username} null for the public stream. */
    private record Listener(HttpServerResponse response, String username) {}

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    void register(Router router) {
        router.get("/api/v1/streaming/user").handler(this::user);
        router.get("/api/v1/streaming/public").handler(ctx -> open(ctx, null));
    }

    /** Lets {@code token} open the user stream of {@code username}. */
    void grant(String token, String username) {
        tokens.put(token, username);
    }

    /** Streams now open. */
    int open() {
        return listeners.size();
    }

    /** Sends {@code event} to the user streams of {@code username} and to every public stream. */
    void emit(String username, String event, String data) {
        String frame = "event: " + event + "\ndata: " + data + "\n\n";
        for (Listener l : listeners) {
            if (l.username() == null || l.username().equals(username)) {
                l.response().write(frame);
            }
        }
    }

    private void user(RoutingContext ctx) {
        String auth = ctx.request().getHeader("Authorization");
        String user = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7).strip()) : null;
        if (user == null) {
            ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end("{\"error\":\"Error: Missing access token\"}");
            return;
        }
        open(ctx, user);
    }

    private void open(RoutingContext ctx, String username) {
        HttpServerResponse resp = ctx.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8").putHeader("Cache-Control", "no-store");
        Listener l = new Listener(resp, username);
        resp.closeHandler(v -> listeners.remove(l));
        resp.write(":)\n");
        listeners.add(l);
    }
}
