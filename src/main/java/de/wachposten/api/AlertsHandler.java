package de.wachposten.api;

import de.wachposten.alert.AlertJson;
import de.wachposten.config.User;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Resolution;
import de.wachposten.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /api/v1/alerts}: lists the alerts of the caller's offices (the webhook body plus {@code status} and
 * {@code resolution}) and acknowledges them. An acknowledgement goes to the office's sinks at once.
 */
public final class AlertsHandler {
    /** Longest acknowledgement note, in characters. */
    public static final int MAX_NOTE = Acknowledgement.MAX_NOTE;

    private static final Set<String> ACK_FIELDS = Set.of("resolution", "note");

    private final Vertx vertx;
    private final Access access;
    private final Store store;
    private final Acknowledgement acknowledgement;

    public AlertsHandler(Vertx vertx, Access access, Store store, Acknowledgement acknowledgement) {
        this.vertx = vertx;
        this.access = access;
        this.store = store;
        this.acknowledgement = acknowledgement;
    }

    /** {@code GET /api/v1/alerts[?status=open|acknowledged|resolved][&channel=…]} → array, newest first. */
    public void list(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        AlertStatus status = status(Input.query(ctx, "status"));
        String channel = Input.query(ctx, "channel");
        if (channel != null) {
            access.visibleChannel(caller, "channel", channel);
        }
        vertx.executeBlocking(() -> store.alerts(status, channel), false)
                .onSuccess(alerts -> {
                    JsonArray out = new JsonArray();
                    alerts.stream().filter(a -> Access.sees(caller, a.officeId()))
                            .forEach(a -> out.add(AlertJson.withStatus(a)));
                    Replies.json(ctx, 200, out);
                })
                .onFailure(ctx::fail);
    }

    /**
     * {@code POST /api/v1/alerts/{id}/ack} with {@code resolution} (and an optional {@code note}) by a drafter,
     * approver or admin of the alert's office → 200 with the alert.
     */
    public void ack(RoutingContext ctx) {
        User caller = Auth.user(ctx);
        JsonObject body = Input.body(ctx, ACK_FIELDS, false);
        Resolution resolution = resolution(Input.requiredString(body, "resolution"));
        String note = Input.string(body, "note");
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> acknowledgement.acknowledge(caller, id, resolution, note), false)
                .onSuccess(a -> Replies.json(ctx, 200, AlertJson.withStatus(a)))
                .onFailure(ctx::fail);
    }

    private static AlertStatus status(String value) {
        try {
            return value == null ? null : AlertStatus.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("status", e.getMessage());
        }
    }

    private static Resolution resolution(String value) {
        try {
            return Resolution.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("resolution", e.getMessage());
        }
    }
}
