package de.wachposten.console;

import de.wachposten.alert.AlertService;
import de.wachposten.api.Access;
import de.wachposten.model.Alert;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /alerts/events}: server-sent events for an open inbox. Every revision {@link AlertService} commits is
 * published on the event bus ({@link #ADDRESS}: id and office only); each stream forwards those of the offices its
 * user sees, as an {@code alert} event carrying the row in the user's language (the same {@link Views#row} the page
 * uses). The stream ends when the session does (checked at each event and every {@link #KEEP_ALIVE_MS} ms).
 */
final class AlertEvents {
    /** Event-bus address of committed alert revisions. */
    static final String ADDRESS = "wachposten.console.alert-changed";
    static final long KEEP_ALIVE_MS = 20_000;

    private final Vertx vertx;
    private final Console console;

    AlertEvents(Vertx vertx, Console console, AlertService alerts) {
        this.vertx = vertx;
        this.console = console;
        vertx.eventBus().registerDefaultCodec(Alert.class, new LocalCodec());
        // the committed revision itself travels (in this process only), so no stream reads it back from the store
        alerts.onChange(a -> vertx.eventBus().publish(ADDRESS, a, new DeliveryOptions().setLocalOnly(true)));
    }

    void stream(RoutingContext ctx, Console.Visit v) {
        HttpServerResponse r = ctx.response();
        r.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("X-Accel-Buffering", "no");
        r.write("retry: 3000\n: connected\n\n");
        MessageConsumer<Alert> consumer = vertx.eventBus().consumer(ADDRESS, m -> {
            if (!console.live(v)) {
                r.end();
                return;
            }
            Alert a = m.body();
            if (!Access.sees(v.user(), a.officeId())) {
                return;
            }
            Views.AlertRow row = Views.row(a, v.t(), AlertPages.mayAck(v.user(), a.officeId()));
            JsonObject data = new JsonObject().put("id", row.id()).put("href", row.href())
                    .put("severity", row.severity()).put("severity_label", row.severityLabel())
                    .put("channel", row.channel()).put("time", row.time())
                    .put("reasons", String.join(" · ", row.reasons())).put("text", row.text())
                    .put("status", row.status()).put("status_label", row.statusLabel()).put("open", row.open());
            if (!r.ended() && !r.closed()) {
                r.write("event: alert\ndata: " + data.encode() + "\n\n");
            }
        });
        long timer = vertx.setPeriodic(KEEP_ALIVE_MS, x -> {
            if (!console.live(v)) {
                r.end();
            } else if (!r.ended()) {
                r.write(": keep-alive\n\n");
            }
        });
        r.closeHandler(x -> {
            consumer.unregister();
            vertx.cancelTimer(timer);
        });
        r.endHandler(x -> {
            consumer.unregister();
            vertx.cancelTimer(timer);
        });
    }

    /** Hands the alert record over as it is: the console's events never leave this process. */
    private static final class LocalCodec implements MessageCodec<Alert, Alert> {
        @Override
        public void encodeToWire(Buffer buffer, Alert alert) {
            throw new UnsupportedOperationException("console alert events are local only");
        }

        @Override
        public Alert decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException("console alert events are local only");
        }

        @Override
        public Alert transform(Alert alert) {
            return alert;
        }

        @Override
        public String name() {
            return "wachposten-console-alert";
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
