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
import java.util.Map;

/**
 * {@code GET /alerts/events}: server-sent events for an open inbox. Every revision {@link AlertService} commits is
 * published on the event bus ({@link #ADDRESS}, the committed record itself, in this process only); each stream
 * forwards those of the offices its user sees, as an {@code alert} event carrying the row as the inbox renders it
 * ({@link #event}: the same template, so a live row is the row a reload would show). The stream ends when the session does (checked at each event and every {@link #KEEP_ALIVE_MS} ms).
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
            JsonObject data = event(a, v);
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

    /**
     * The event for {@code a} as {@code v}'s user sees it: the row's HTML rendered by the inbox's own template
     * ({@code alertrow.jte}: the same escaping, the acknowledge form with the session's CSRF token and the resolution
     * choice when the user may acknowledge), and the few plain values the notice shows. The caller has checked that
     * the user sees the alert's office.
     */
    JsonObject event(Alert a, Console.Visit v) {
        Views.AlertRow row = Views.row(a, v.t(), AlertPages.mayAck(v.user(), a.officeId()));
        // a page frame of its own: the visit's page() would take the session's one-time message
        Views.Page page = new Views.Page(v.t(), "", v.user().name(), v.session().csrf, "alerts", null);
        String html = console.render("alertrow.jte", Map.of("row", row, "resolutions", AlertPages.resolutions(v.t()),
                "page", page, "from", "list")).strip();
        return new JsonObject().put("id", row.id()).put("href", row.href()).put("severity", row.severity())
                .put("severity_label", row.severityLabel()).put("channel", row.channel())
                .put("reasons", String.join(" · ", row.reasons())).put("status", row.status())
                .put("open", row.open()).put("html", html);
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
