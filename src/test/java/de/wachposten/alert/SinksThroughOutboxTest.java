package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.alert.alertmanager.AlertmanagerNotifier;
import de.wachposten.alert.matrix.MatrixNotifier;
import de.wachposten.alert.slack.SlackNotifier;
import de.wachposten.config.Office;
import de.wachposten.config.Secret;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.testkit.MemoryOutboxStore;
import de.wachposten.testkit.MemoryOutboxStore.State;
import de.wachposten.testkit.MutableClock;
import de.wachposten.testkit.TestAlerts;
import de.wachposten.testkit.WebhookReceiver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three sinks of one office down for a while, one of them for good: every alert reaches each sink that comes back,
 * always under its one idempotency key (Matrix transaction id {@code <alert id>_r<revision>}), and the sink that stays
 * down holds up neither of the others.
 */
class SinksThroughOutboxTest {
    private static final Office OFFICE = new Office("sms-presse", "Pressestelle SMS", "de", List.of());
    private static final RandomGenerator ZERO = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    private final MutableClock clock = MutableClock.at("2016-01-08T05:31:00Z");
    private final MemoryOutboxStore store = new MemoryOutboxStore(clock.instant());
    private Vertx vertx;
    private WebClient client;
    private Outbox outbox;
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        receivers.forEach(WebhookReceiver::close);
        if (outbox != null) {
            outbox.stop().await(10, TimeUnit.SECONDS);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private WebhookReceiver receiver() {
        WebhookReceiver r = WebhookReceiver.start(vertx, null, clock);
        receivers.add(r);
        return r;
    }

    private static SinkConfig sink(String type, String url, String key) {
        return new SinkConfig(type, url, null, List.of(), "!presse:m.example", Secret.of("tok", null), key, 3);
    }

    @Test
    void everyAlertReachesEachRecoveredSinkUnderItsIdempotencyKeyWhileADeadSinkBlocksNothing() {
        WebhookReceiver slack = receiver().answer(7, 503);
        WebhookReceiver matrix = receiver().answer(4, 502);
        WebhookReceiver am = receiver().otherwise(503, Map.of());
        Map<String, Notifier> notifiers = Map.of(
                "s:slack", new SlackNotifier(sink("slack", slack.url(), "s:slack"), OFFICE, client, clock,
                        Duration.ofSeconds(15)),
                "m:matrix", new MatrixNotifier(sink("matrix", "http://127.0.0.1:" + matrix.port(), "m:matrix"),
                        OFFICE, client, clock, Duration.ofSeconds(15)),
                "a:alertmanager", new AlertmanagerNotifier(sink("alertmanager", "http://127.0.0.1:" + am.port(),
                        "a:alertmanager"), OFFICE, client, clock, Duration.ofSeconds(15), null));
        List<Long> recovering = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Alert a = TestAlerts.alert("post-" + i);
            ids.add(a.id());
            recovering.addAll(store.enqueue(a, "s:slack", "m:matrix"));
            store.enqueue(a, "a:alertmanager");
        }
        outbox = new Outbox(vertx, store, notifiers, RetryPolicy.DEFAULT, clock,
                new AlertMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)), ZERO, Duration.ofMillis(50));
        outbox.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> recovering.stream()
                .allMatch(id -> store.row(id).state() == State.DELIVERED));
        // the outbox delivers at least once; the idempotency key makes a repeat harmless at the receiver
        assertThat(matrix.accepted()).extracting(WebhookReceiver.Received::uri).map(u -> u.replaceAll(".*/", ""))
                .containsAll(ids.stream().map(id -> id + "_r1").toList())
                .allSatisfy(txn -> assertThat(ids.stream().map(id -> id + "_r1")).contains(txn));
        assertThat(slack.accepted()).extracting(r -> r.body().getJsonArray("blocks").encode()
                        .replaceAll(".*status/(post-\\d+).*", "$1"))
                .containsAll(List.of("post-1", "post-2", "post-3", "post-4", "post-5"));
        assertThat(am.accepted()).isEmpty();
        assertThat(am.received()).isNotEmpty();
    }
}
