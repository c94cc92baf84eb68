package de.wachposten.api;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ClientCheck;
import de.wachposten.config.User;
import de.wachposten.store.ChannelState;
import de.wachposten.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/channels}: per channel the caller may see, its configuration (never a credential value), the
 * stored poll state, the daemon's live health, who has access and when credentials were last rotated.
 */
public final class ChannelsHandler {
    private final Vertx vertx;
    private final ChannelBoard board;

    /**
     * @param channelHealth live poll status per channel id; called on the event loop, so it must be a cheap,
     *                      thread-safe snapshot
     */
    public ChannelsHandler(Vertx vertx, Access access, Store store, Supplier<Map<String, Object>> channelHealth) {
        this.vertx = vertx;
        this.board = new ChannelBoard(access, store, channelHealth);
    }

    /** {@code GET /api/v1/channels} → array in config order. */
    public void list(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        vertx.executeBlocking(() -> board.entries(caller), false)
                .onSuccess(entries -> {
                    JsonArray out = new JsonArray();
                    for (ChannelBoard.Entry e : entries) {
                        JsonArray open = new JsonArray();
                        e.openTasks().forEach(t -> open.add(OffboardingHandler.json(t)));
                        out.add(describe(e.channel(), e.state(), e.health())
                                .put("credentials_rotated_at", iso(e.rotatedAt()))
                                .put("rotation_tasks", open));
                    }
                    Replies.json(ctx, 200, out);
                })
                .onFailure(ctx::fail);
    }

    static JsonObject describe(ChannelConfig ch, ChannelState st, Object health) {
        return new JsonObject()
                .put("id", ch.id())
                .put("name", ch.name())
                .put("platform", ch.platform())
                .put("account", ch.account())
                .put("office", ch.officeId())
                .put("policy", ch.policyName())
                .put("approval_required", ch.policy().approvalRequired())
                .put("status", ch.policy().status().toString())
                .put("client_check", ClientCheck.of(ch).wire())
                .put("poll_interval", ch.pollInterval().toSeconds())
                .put("last_poll_at", iso(st.lastPollAt()))
                .put("last_success_at", iso(st.lastSuccessAt()))
                .put("last_error", st.lastError())
                .put("posts_seen", st.postsSeen())
                .put("health", toJson(health))
                .put("access", new JsonArray(ch.access()))
                .put("agencies", new JsonArray(ch.agencies()))
                .put("credentials_rotated_at", null);
    }

    /** Converts the daemon's health value to JSON: maps and collections recursively, times as ISO-8601 text. */
    static Object toJson(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean
                || v instanceof JsonObject || v instanceof JsonArray) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, value) -> out.put(String.valueOf(k), toJson(value)));
            return new JsonObject(out);
        }
        if (v instanceof Collection<?> c) {
            JsonArray out = new JsonArray();
            c.forEach(e -> out.add(toJson(e)));
            return out;
        }
        return v.toString(); // Instant and other times print as ISO-8601
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
