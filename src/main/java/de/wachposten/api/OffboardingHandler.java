package de.wachposten.api;

import de.wachposten.alert.AlertService;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import de.wachposten.model.Alert;
import de.wachposten.store.RotationTask;
import de.wachposten.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Off-boarding (README, Zugang und Austritt / Access and off-boarding). {@code POST /api/v1/offboarding} ({@code user},
 * {@code left_at}; admins only) opens a credential rotation task for every channel whose {@code access} list names the
 * person; {@code POST /api/v1/channels/{id}/credentials-rotated} (an admin, or an approver of the channel's office)
 * records the rotation, which closes the channel's open tasks.
 */
public final class OffboardingHandler {
    private static final Set<String> FIELDS = Set.of("user", "left_at");

    private final Vertx vertx;
    private final Config config;
    private final Store store;
    private final Clock clock;
    private final AlertService alerts;

    /** @param alerts resolves the {@code credentials_overdue} alerts of the tasks a rotation closes */
    public OffboardingHandler(Vertx vertx, Config config, Store store, Clock clock, AlertService alerts) {
        this.alerts = alerts;
        this.vertx = vertx;
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** → 201 with {@code user}, {@code left_at} and the opened {@code tasks}. */
    public void offboard(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        if (!caller.has(Role.ADMIN)) {
            throw ApiException.forbidden("user " + caller.id() + " lacks the admin role (off-boarding is for admins)");
        }
        JsonObject body = Input.body(ctx, FIELDS, false);
        String user = Input.requiredString(body, "user");
        Instant leftAt = Input.instant("left_at", Input.requiredString(body, "left_at"));
        List<String> channels = config.channels().stream().filter(c -> c.access().contains(user))
                .map(ChannelConfig::id).toList();
        Instant now = clock.instant();
        vertx.executeBlocking(() -> store.openRotationTasks(user, leftAt, channels, caller.id(), now), false)
                .onSuccess(tasks -> {
                    JsonArray out = new JsonArray();
                    tasks.forEach(t -> out.add(json(t)));
                    Replies.json(ctx, 201, new JsonObject().put("user", user).put("left_at", leftAt.toString())
                            .put("tasks", out));
                })
                .onFailure(ctx::fail);
    }

    /**
     * → 200 with {@code channel}, {@code credentials_rotated_at}, the number of {@code closed_tasks} and the ids of the
     * {@code credentials_overdue} alerts it resolved ({@code resolved_alerts}).
     */
    public void rotated(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        Input.body(ctx, Set.of(), true);
        String id = ctx.pathParam("id");
        ChannelConfig channel = config.channel(id)
                .orElseThrow(() -> ApiException.notFound("channel " + id + " not found"));
        if (!caller.has(Role.ADMIN)) {
            Access.requireRole(caller, Role.APPROVER, channel.officeId());
        }
        Instant now = clock.instant();
        vertx.executeBlocking(() -> {
            List<RotationTask> open = store.rotationTasks(id).stream().filter(RotationTask::open).toList();
            store.recordCredentialRotation(id, caller.id(), now);
            return new JsonObject().put("channel", id).put("credentials_rotated_at", now.toString())
                    .put("closed_tasks", open.size())
                    .put("resolved_alerts", new JsonArray(alerts.credentialsRotated(id, caller.id()).stream()
                            .map(Alert::id).toList()));
        }, false).onSuccess(out -> Replies.json(ctx, 200, out)).onFailure(ctx::fail);
    }

    /** A task as JSON: {@code channel, user, left_at, opened_at, closed_at}. */
    static JsonObject json(RotationTask t) {
        return new JsonObject().put("channel", t.channelId()).put("user", t.userId())
                .put("left_at", t.leftAt().toString()).put("opened_at", t.openedAt().toString())
                .put("closed_at", t.closedAt() == null ? null : t.closedAt().toString());
    }
}
