package de.wachposten.testkit;

import static org.awaitility.Awaitility.await;

import de.wachposten.alert.webhook.StandardWebhooks;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Standard Webhooks receiver on 127.0.0.1 for tests: verifies signatures with a given secret (timestamps within
 * ±5 min of its clock), records every request, and answers as scripted — 200 unless told to answer N times with a
 * status (503, 429 with Retry-After, 400, …) or to hang (never answer).
 */
public final class WebhookReceiver implements AutoCloseable {
    /** Path the receiver is reached at. */
    public static final String PATH = "/hooks/wachposten";
    private static final long TOLERANCE_SECONDS = 300;
    private static final int HANG = -1;

    /**
     * One request as received.
     *
     * @param id             {@code webhook-id}
     * @param timestamp      {@code webhook-timestamp}
     * @param signature      {@code webhook-signature}, or null
     * @param validSignature whether the signature verified with the receiver's secret
     * @param body           the body as JSON, or null when it was not a JSON object
     * @param rawBody        the exact bytes received
     * @param headers        all request headers
     * @param uri            the request URI (path and query)
     * @param status         the status answered, or -1 when the request was left hanging
     */
    public record Received(String id, String timestamp, String signature, boolean validSignature, JsonObject body,
                           byte[] rawBody, MultiMap headers, String uri, int status) {
        /** Whether the receiver answered 2xx. */
        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private record Step(int status, Map<String, String> headers) {}

    private final Vertx vertx;
    private final String secret;
    private final Clock clock;
    private final HttpServer server;
    private final Deque<Step> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private Step otherwise = new Step(200, Map.of());

    private WebhookReceiver(Vertx vertx, String secret, Clock clock) {
        this.vertx = vertx;
        this.secret = secret;
        this.clock = clock;
        this.server = vertx.createHttpServer().requestHandler(this::handle);
    }

    /** Starts a receiver verifying with {@code secret} (null: no verification) against the system clock. */
    public static WebhookReceiver start(Vertx vertx, String secret) {
        return start(vertx, secret, Clock.systemUTC());
    }

    /** Starts a receiver verifying with {@code secret} (null: none), judging timestamps by {@code clock}. */
    public static WebhookReceiver start(Vertx vertx, String secret, Clock clock) {
        WebhookReceiver r = new WebhookReceiver(vertx, secret, clock);
        try {
            r.server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("webhook receiver did not start", e);
        }
        return r;
    }

    /** The URL to configure as the sink's {@code url}. */
    public String url() {
        return "http://127.0.0.1:" + port() + PATH;
    }

    public int port() {
        return server.actualPort();
    }

    /** Answers the next {@code times} requests with {@code status}. */
    public WebhookReceiver answer(int times, int status) {
        return answer(times, status, Map.of());
    }

    /** Answers the next {@code times} requests with {@code status} and {@code headers} (e.g. Retry-After). */
    public synchronized WebhookReceiver answer(int times, int status, Map<String, String> headers) {
        for (int i = 0; i < times; i++) {
            script.add(new Step(status, Map.copyOf(headers)));
        }
        return this;
    }

    /** Leaves the next {@code times} requests without an answer. */
    public WebhookReceiver hang(int times) {
        return answer(times, HANG);
    }

    /** Answers every request after the scripted ones with {@code status} (HANG = -1 never answers). */
    public synchronized WebhookReceiver otherwise(int status, Map<String, String> headers) {
        otherwise = new Step(status, Map.copyOf(headers));
        return this;
    }

    /** Never answers any request after the scripted ones. */
    public WebhookReceiver hangAlways() {
        return otherwise(HANG, Map.of());
    }

    /** Every request so far, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests answered 2xx. */
    public List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    /** The {@code webhook-id}s of the requests answered 2xx, duplicates kept. */
    public List<String> acceptedIds() {
        return accepted().stream().map(Received::id).toList();
    }

    /** Waits until at least {@code n} requests have arrived; returns all of them. */
    public List<Received> awaitReceived(int n) {
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= n);
        return received();
    }

    /** Waits until at least {@code n} requests have been answered 2xx; returns those. */
    public List<Received> awaitAccepted(int n) {
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted().size() >= n);
        return accepted();
    }

    private synchronized Step next() {
        Step s = script.poll();
        return s == null ? otherwise : s;
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(buf -> {
            Step step = next();
            received.add(record(req, buf, step.status()));
            if (step.status() != HANG) {
                var resp = req.response().setStatusCode(step.status());
                step.headers().forEach(resp::putHeader);
                resp.end();
            }
        });
    }

    private Received record(HttpServerRequest req, Buffer buf, int status) {
        byte[] raw = buf.getBytes();
        String id = req.getHeader("webhook-id");
        String ts = req.getHeader("webhook-timestamp");
        String sig = req.getHeader("webhook-signature");
        boolean valid = secret != null && StandardWebhooks.verify(secret, id, ts, raw, sig,
                clock.instant().getEpochSecond(), TOLERANCE_SECONDS);
        JsonObject body;
        try {
            body = buf.length() == 0 ? null : new JsonObject(buf);
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
        return new Received(id, ts, sig, valid, body, raw, headers, req.uri(), status);
    }

    /** Stops the server, dropping hanging connections. */
    @Override
    public void close() {
        try {
            server.close().await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("webhook receiver did not stop", e);
        }
    }
}
