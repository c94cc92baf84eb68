package de.wachposten.alert;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * One JSON request of an HTTP-based sink (chat webhooks, Matrix, Alertmanager): sends the body, never follows
 * redirects, and turns the outcome into the {@link Notifier} failure contract through {@link HttpFailures}. The sink
 * name given here is the only way the target appears in messages.
 */
public final class JsonSender {
    private final WebClient client;
    private final Clock clock;
    private final Duration timeout;
    private final String name;

    /**
     * @param client  shared web client
     * @param clock   clock for Retry-After dates
     * @param timeout how long one attempt may take
     * @param name    the sink as messages name it, see {@link HttpFailures#sinkName}
     */
    public JsonSender(WebClient client, Clock clock, Duration timeout, String name) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.name = Objects.requireNonNull(name, "name");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + ": timeout must be positive");
        }
    }

    /** The sink's name in messages. */
    public String name() {
        return name;
    }

    /** Sends {@code body} (JSON text) with {@code method} to {@code url} plus extra {@code headers}. */
    public Future<Void> send(HttpMethod method, String url, String body, MultiMap headers) {
        HttpRequest<Buffer> request;
        try {
            request = client.requestAbs(method, url.trim());
        } catch (RuntimeException e) {
            return Future.failedFuture(new DeliveryException(name + ": the URL is not usable", false));
        }
        request.putHeader("content-type", "application/json")
                .putHeader("user-agent", "Wachposten")
                .putHeaders(headers)
                .followRedirects(false)
                .timeout(timeout.toMillis())
                .connectTimeout(timeout.toMillis());
        return request.sendBuffer(Buffer.buffer(body)).transform(ar -> ar.succeeded()
                ? outcome(ar.result())
                : Future.failedFuture(HttpFailures.forTransport(name, ar.cause(), timeout)));
    }

    /** POSTs {@code body} to {@code url}. */
    public Future<Void> post(String url, String body) {
        return send(HttpMethod.POST, url, body, MultiMap.caseInsensitiveMultiMap());
    }

    private Future<Void> outcome(HttpResponse<Buffer> response) {
        return HttpFailures.forStatus(name, response.statusCode(), response.statusMessage(),
                        response.getHeader("retry-after"), clock.instant())
                .<Future<Void>>map(Future::failedFuture)
                .orElseGet(Future::succeededFuture);
    }
}
