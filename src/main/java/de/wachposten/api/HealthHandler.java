package de.wachposten.api;

import de.wachposten.store.Store;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health/live} and {@code /health/ready}, unauthenticated. Ready means the daemon reports itself ready and a
 * trivial store call succeeds on a worker thread. Failure reasons are short and reveal no store details.
 */
public final class HealthHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

    private final Vertx vertx;
    private final Store store;
    private final BooleanSupplier ready;

    public HealthHandler(Vertx vertx, Store store, BooleanSupplier ready) {
        this.vertx = vertx;
        this.store = store;
        this.ready = ready;
    }

    /** {@code GET /health/live} → 200 {@code {"status":"UP"}} while the process serves HTTP. */
    public void live(RoutingContext ctx) {
        Replies.json(ctx, 200, new JsonObject().put("status", "UP"));
    }

    /** {@code GET /health/ready} → 200 {@code {"status":"UP"}}, or 503 {@code {"status":"DOWN","reason":…}}. */
    public void ready(RoutingContext ctx) {
        if (!ready.getAsBoolean()) {
            down(ctx, "daemon not ready");
            return;
        }
        vertx.executeBlocking(store::outboxBacklog, false)
                .onSuccess(backlog -> Replies.json(ctx, 200, new JsonObject().put("status", "UP")))
                .onFailure(e -> {
                    LOG.warn("readiness check: store call failed: {}", e.getMessage());
                    down(ctx, "store unavailable");
                });
    }

    private static void down(RoutingContext ctx, String reason) {
        Replies.json(ctx, 503, new JsonObject().put("status", "DOWN").put("reason", reason));
    }
}
