package de.wachposten.demo;

import de.wachposten.alert.webhook.StandardWebhooks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The demo's stand-in for a press office's alert endpoint: receives webhooks on loopback, verifies the Standard
 * Webhooks signature, and hands each alert to a printer. Duplicate webhook ids are acknowledged but not printed again.
 */
final class DemoReceiver {
    /** One received alert. */
    record Received(String webhookId, JsonObject body, boolean signatureValid) {}

    private final Vertx vertx;
    private final String secret;
    private final Clock clock;
    private final Consumer<Received> sink;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    DemoReceiver(Vertx vertx, String secret, Clock clock, Consumer<Received> sink) {
        this.vertx = vertx;
        this.secret = secret;
        this.clock = clock;
        this.sink = sink;
    }

    Future<Integer> start() {
        return vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").map(s -> {
            server = s;
            return s.actualPort();
        });
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(buf -> {
            String id = req.getHeader("webhook-id");
            boolean valid = StandardWebhooks.verify(secret, id, req.getHeader("webhook-timestamp"), buf.getBytes(),
                    req.getHeader("webhook-signature"), clock.instant().getEpochSecond(), 300);
            req.response().setStatusCode(valid ? 204 : 401).end();
            if (received.stream().noneMatch(r -> r.webhookId().equals(id))) {
                Received r = new Received(id, buf.toJsonObject(), valid);
                received.add(r);
                sink.accept(r);
            }
        });
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
