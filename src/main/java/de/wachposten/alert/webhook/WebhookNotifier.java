package de.wachposten.alert.webhook;

import de.wachposten.alert.AlertJson;
import de.wachposten.alert.DeliveryException;
import de.wachposten.alert.HttpFailures;
import de.wachposten.alert.Notifier;
import de.wachposten.alert.NotifierFactory;
import de.wachposten.config.Office;
import de.wachposten.config.Secret;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Delivers an alert to a generic webhook: one POST of the exact bytes of {@link AlertJson#body(Alert)} with the
 * Standard Webhooks headers. {@code webhook-id} is {@code <alert id>_r<revision>}, so it stays the same across retries
 * and receivers dedupe on it; {@code webhook-timestamp} is the time of this attempt; {@code webhook-signature} is sent
 * when the sink has a {@code secret}. Redirects are not followed.
 *
 * <p>Failure contract: see {@link HttpFailures}. A secret whose environment variable is unset, or that is not valid
 * base64, fails the attempt as retryable, so the outbox keeps the alert until the configuration is fixed. No message
 * contains the secret or the URL's query string.
 */
public final class WebhookNotifier implements Notifier {
    /** The sink type this notifier serves. */
    public static final String TYPE = "webhook";
    /** Default time an attempt may take before it counts as a (retryable) timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** The factory the daemon registers under {@link #TYPE}; uses {@link #DEFAULT_TIMEOUT}. */
    public static final NotifierFactory FACTORY =
            (sink, office, env) -> new WebhookNotifier(sink, office, env.client(), env.clock(), DEFAULT_TIMEOUT);

    private final SinkConfig sink;
    private final String officeId;
    private final WebClient client;
    private final Clock clock;
    private final Duration timeout;
    private final String name;

    /**
     * @param sink    the sink ({@code url} required, {@code secret} optional)
     * @param office  the office the sink belongs to (named in messages)
     * @param client  shared web client
     * @param clock   source of {@code webhook-timestamp}
     * @param timeout how long one attempt may take
     * @throws IllegalArgumentException when the sink has no URL
     */
    public WebhookNotifier(SinkConfig sink, Office office, WebClient client, Clock clock, Duration timeout) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.officeId = Objects.requireNonNull(office, "office").id();
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (sink.url() == null || sink.url().isBlank()) {
            throw new IllegalArgumentException("webhook sink of office " + officeId + " (line " + sink.line()
                    + "): url is required");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("webhook sink of office " + officeId + ": timeout must be positive");
        }
        this.name = HttpFailures.sinkName(TYPE, officeId, sink.url());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<Void> send(Alert alert, int revision) {
        byte[] body = AlertJson.body(alert).encode().getBytes(StandardCharsets.UTF_8);
        String id = alert.id() + "_r" + revision;
        long ts = clock.instant().getEpochSecond();
        HttpRequest<Buffer> request;
        try {
            request = client.requestAbs(HttpMethod.POST, sink.url().trim());
        } catch (RuntimeException e) {
            return Future.failedFuture(new DeliveryException(name + ": the URL is not usable", false));
        }
        request.putHeader("content-type", "application/json")
                .putHeader("user-agent", "Wachposten")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(ts))
                .followRedirects(false)
                .timeout(timeout.toMillis())
                .connectTimeout(timeout.toMillis());
        if (sink.secret() != null) {
            DeliveryException problem = secretProblem(sink.secret());
            if (problem != null) {
                return Future.failedFuture(problem);
            }
            request.putHeader("webhook-signature", StandardWebhooks.sign(sink.secret().reveal(), id, ts, body));
        }
        return request.sendBuffer(Buffer.buffer(body)).transform(ar -> ar.succeeded()
                ? outcome(ar.result())
                : Future.failedFuture(HttpFailures.forTransport(name, ar.cause(), timeout)));
    }

    private Future<Void> outcome(HttpResponse<Buffer> response) {
        return HttpFailures.forStatus(name, response.statusCode(), response.statusMessage(),
                        response.getHeader("retry-after"), clock.instant())
                .<Future<Void>>map(Future::failedFuture)
                .orElseGet(Future::succeededFuture);
    }

    private DeliveryException secretProblem(Secret secret) {
        if (!secret.isSet()) {
            return new DeliveryException("webhook secret for office " + officeId + ": environment variable "
                    + secret.envVar() + " is not set", true);
        }
        if (!StandardWebhooks.isValidSecret(secret.reveal())) {
            return new DeliveryException("webhook secret for office " + officeId + " is not '"
                    + StandardWebhooks.SECRET_PREFIX + "' followed by a base64 key", true);
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
