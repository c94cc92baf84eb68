package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.alert.webhook.WebhookNotifier;
import de.wachposten.config.Office;
import de.wachposten.config.Secret;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.testkit.LogCapture;
import de.wachposten.testkit.MemoryOutboxStore;
import de.wachposten.testkit.MemoryOutboxStore.Row;
import de.wachposten.testkit.MemoryOutboxStore.State;
import de.wachposten.testkit.MutableClock;
import de.wachposten.testkit.TestAlerts;
import de.wachposten.testkit.WebhookReceiver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SINK_A = "sms-presse#0:webhook";
    private static final String SINK_B = "sms-presse#1:webhook";
    private static final Office OFFICE = new Office("sms-presse", "Pressestelle SMS", "de", List.of());
    /** Draws the upper bound: each wait equals the backoff ceiling. */
    private static final RandomGenerator HIGHEST = RetryPolicyTest.HIGHEST;
    /** Draws zero: a failed entry is due again at once. */
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
    private final Instant t0 = clock.instant();
    private final MemoryOutboxStore store = new MemoryOutboxStore(t0);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AlertMetrics metrics = new AlertMetrics(registry);
    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private Vertx vertx;
    private WebClient client;
    private Outbox outbox;
    private LogCapture logs;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        logs = LogCapture.capture();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            receivers.forEach(WebhookReceiver::close); // first, so hanging attempts end and the outbox drains
            if (outbox != null) {
                outbox.stop().await(10, TimeUnit.SECONDS);
            }
            assertThat(logs.text()).doesNotContain(SECRET);
            assertThat(logs.lines()).noneMatch(l -> l.startsWith("ERROR") && l.contains("is already"));
        } finally {
            logs.close();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private WebhookReceiver receiver() {
        WebhookReceiver r = WebhookReceiver.start(vertx, SECRET, clock);
        receivers.add(r);
        return r;
    }

    private Notifier webhook(WebhookReceiver r, Duration timeout) {
        SinkConfig sink = new SinkConfig("webhook", r.url(), Secret.of(SECRET, "SMS_WEBHOOK_SECRET"), List.of(), null,
                null, SINK_A, 12);
        return new WebhookNotifier(sink, OFFICE, client, clock, timeout);
    }

    private Outbox startOutbox(Map<String, Notifier> notifiers, RetryPolicy policy, RandomGenerator rnd) {
        outbox = new Outbox(vertx, store, notifiers, policy, clock, metrics, rnd, Duration.ofMillis(50));
        outbox.start();
        return outbox;
    }

    private Outbox startOutbox(WebhookReceiver r, RandomGenerator rnd) {
        return startOutbox(Map.of(SINK_A, webhook(r, Duration.ofSeconds(15))), RetryPolicy.DEFAULT, rnd);
    }

    private Row awaitRow(long id, State state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> store.row(id).state() == state);
        return store.row(id);
    }

    private Row awaitAttempts(long id, int attempts) {
        await().atMost(Duration.ofSeconds(20)).until(() -> store.row(id).delivery().attempts() >= attempts);
        Row row = store.row(id);
        assertThat(row.delivery().attempts()).isEqualTo(attempts);
        return row;
    }

    private String scrape() {
        return registry.scrape();
    }

    @Test
    void anAlertIsDeliveredOnceAndRecordedAsDelivered() {
        WebhookReceiver r = receiver();
        Alert first = TestAlerts.alert("1");
        long id = store.enqueue(first, SINK_A).get(0);
        startOutbox(r, HIGHEST);
        awaitRow(id, State.DELIVERED);
        long second = store.enqueue(TestAlerts.alert("2"), SINK_A).get(0);
        outbox.kick();
        awaitRow(second, State.DELIVERED);

        assertThat(r.received()).extracting(WebhookReceiver.Received::id)
                .containsExactly(first.id() + "_r1", TestAlerts.alert("2").id() + "_r1");
        assertThat(r.received()).allMatch(WebhookReceiver.Received::validSignature);
        assertThat(store.row(id).delivery().attempts()).isEqualTo(1);
        await().untilAsserted(() -> assertThat(scrape())
                .contains("wachposten_alert_deliveries_total{result=\"delivered\",sink=\"webhook\"} 2.0")
                .contains("wachposten_time_to_alert_seconds_count{sink=\"webhook\"} 2")
                .contains("wachposten_time_to_alert_seconds_sum{sink=\"webhook\"} 120.0")
                .contains("wachposten_outbox_backlog 0.0"));
    }

    @Test
    void aDeliverySettledByAnotherInstanceMeanwhileIsARepeatNotAStoreError() {
        Alert alert = TestAlerts.alert("1");
        long id = store.enqueue(alert, SINK_A).get(0);
        AtomicInteger sent = new AtomicInteger();
        Notifier other = new Notifier() { // this claim ran out while sending: another instance delivered it meanwhile
            @Override
            public String type() {
                return "webhook";
            }

            @Override
            public Future<Void> send(Alert a, int revision) {
                sent.incrementAndGet();
                store.deliverySucceeded(id, clock.instant());
                return Future.succeededFuture();
            }
        };
        startOutbox(Map.of(SINK_A, other), RetryPolicy.DEFAULT, HIGHEST);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logs.text())
                .contains("INFO de.wachposten.alert.Outbox outbox: alert " + alert.id() + " revision 1 to sink "
                        + SINK_A + " was settled by another instance meanwhile"));
        assertThat(store.row(id).state()).isEqualTo(State.DELIVERED);
        assertThat(store.row(id).delivery().attempts()).isEqualTo(1);
        assertThat(sent).hasValue(1);
        assertThat(logs.lines()).noneMatch(l -> l.startsWith("ERROR"));
    }

    @Test
    void aSinkDownForAWhileThenBackGetsEveryAlertRevisionExactlyOnce() {
        WebhookReceiver r = receiver().answer(12, 503);
        List<String> expected = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Alert a = TestAlerts.alert("post-" + i);
            rows.addAll(store.enqueue(a, SINK_A));
            expected.add(a.id() + "_r1");
        }
        for (int i = 1; i <= 3; i++) {
            Alert a = TestAlerts.alert("post-" + i, 2);
            rows.addAll(store.enqueue(a, SINK_A));
            expected.add(a.id() + "_r2");
        }
        startOutbox(r, ZERO);
        rows.forEach(id -> awaitRow(id, State.DELIVERED));

        assertThat(r.acceptedIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.received()).hasSize(12 + 8);
        assertThat(store.outboxBacklog()).isZero();
        await().untilAsserted(() -> assertThat(scrape())
                .contains("wachposten_alert_deliveries_total{result=\"retry\",sink=\"webhook\"} 12.0")
                .contains("wachposten_alert_deliveries_total{result=\"delivered\",sink=\"webhook\"} 8.0")
                .contains("wachposten_time_to_alert_seconds_count{sink=\"webhook\"} 5"));
    }

    @Test
    void aRejectedDeliveryBecomesADeadLetterWithItsReasonAndIsNotTriedAgain() {
        WebhookReceiver r = receiver().answer(1, 400);
        Alert rejected = TestAlerts.alert("1");
        long id = store.enqueue(rejected, SINK_A).get(0);
        startOutbox(r, ZERO);
        Row row = awaitRow(id, State.DEAD);
        long next = store.enqueue(TestAlerts.alert("2"), SINK_A).get(0);
        outbox.kick();
        awaitRow(next, State.DELIVERED);

        assertThat(row.delivery().lastError())
                .isEqualTo("webhook sink of office sms-presse (" + r.url() + "): HTTP 400 Bad Request"
                        + " (rejected by the receiver)");
        assertThat(r.received()).hasSize(2);
        assertThat(logs.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN")
                .contains("alert " + rejected.id() + " revision 1 to sink " + SINK_A + ": dead letter: ")
                .contains("HTTP 400"));
        await().untilAsserted(() -> assertThat(scrape())
                .contains("wachposten_alert_deliveries_total{result=\"dead\",sink=\"webhook\"} 1.0")
                .contains("wachposten_dead_letters_total{sink=\"webhook\"} 1.0"));
    }

    @Test
    void aHangingSinkDelaysNeitherAnotherSinkNorOtherAlerts() {
        WebhookReceiver hanging = receiver().hangAlways();
        WebhookReceiver healthy = receiver();
        Map<String, Notifier> notifiers = new HashMap<>();
        notifiers.put(SINK_A, webhook(hanging, Duration.ofSeconds(15)));
        notifiers.put(SINK_B, webhook(healthy, Duration.ofSeconds(15)));
        List<Long> toHanging = store.enqueue(TestAlerts.alert("1"), SINK_A, SINK_B);
        long later = store.enqueue(TestAlerts.alert("2"), SINK_B).get(0);
        startOutbox(notifiers, RetryPolicy.DEFAULT, HIGHEST);

        awaitRow(toHanging.get(1), State.DELIVERED);
        awaitRow(later, State.DELIVERED);
        hanging.awaitReceived(1);
        Row stuck = store.row(toHanging.get(0));
        assertThat(stuck.state()).isEqualTo(State.PENDING);
        assertThat(stuck.delivery().attempts()).as("still in flight").isZero();
    }

    @Test
    void oneHangingDeliveryDoesNotHoldBackTheNextAlertToTheSameSink() {
        WebhookReceiver r = receiver().hang(1);
        List<Long> rows = new ArrayList<>();
        rows.addAll(store.enqueue(TestAlerts.alert("1"), SINK_A));
        rows.addAll(store.enqueue(TestAlerts.alert("2"), SINK_A));
        startOutbox(r, HIGHEST);

        r.awaitAccepted(1);
        await().until(() -> rows.stream().anyMatch(id -> store.row(id).state() == State.DELIVERED));
        assertThat(rows).anySatisfy(id -> assertThat(store.row(id).state()).isEqualTo(State.PENDING));
    }

    @Test
    void theBackoffGrowsWithEachFailureAndHonoursRetryAfter() {
        WebhookReceiver r = receiver().answer(3, 503).answer(1, 429, Map.of("Retry-After", "120"));
        long id = store.enqueue(TestAlerts.alert("1"), SINK_A).get(0);
        startOutbox(r, HIGHEST);

        assertThat(awaitAttempts(id, 1).delivery().nextAttemptAt()).isEqualTo(t0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        outbox.kick();
        assertThat(awaitAttempts(id, 2).delivery().nextAttemptAt()).isEqualTo(t0.plusSeconds(1 + 2));
        clock.advance(Duration.ofSeconds(2));
        outbox.kick();
        assertThat(awaitAttempts(id, 3).delivery().nextAttemptAt()).isEqualTo(t0.plusSeconds(1 + 2 + 4));
        clock.advance(Duration.ofSeconds(4));
        outbox.kick();
        Row throttled = awaitAttempts(id, 4);
        assertThat(throttled.delivery().nextAttemptAt()).isEqualTo(t0.plusSeconds(1 + 2 + 4 + 120));
        assertThat(throttled.delivery().lastError()).endsWith("HTTP 429 Too Many Requests, retry after 120 s");
        clock.advance(Duration.ofSeconds(120));
        outbox.kick();
        awaitRow(id, State.DELIVERED);
        assertThat(r.received()).hasSize(5);
    }

    @Test
    void aDeliveryStillFailingAfterTheDeadLetterAgeIsGivenUp() {
        WebhookReceiver r = receiver().otherwise(503, Map.of());
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 2, Duration.ofHours(1));
        Alert alert = TestAlerts.alert("1");
        long id = store.enqueue(alert, SINK_A).get(0);
        startOutbox(Map.of(SINK_A, webhook(r, Duration.ofSeconds(15))), policy, HIGHEST);

        awaitAttempts(id, 1);
        clock.advance(Duration.ofMinutes(59));
        outbox.kick();
        assertThat(awaitAttempts(id, 2).state()).isEqualTo(State.PENDING);
        clock.advance(Duration.ofMinutes(2));
        outbox.kick();
        Row dead = awaitRow(id, State.DEAD);
        assertThat(dead.delivery().lastError())
                .startsWith("gave up after 3 attempts in 1h 1m 0s (dead-letter age 1h 0m 0s); last error: ")
                .endsWith("HTTP 503 Service Unavailable");
        assertThat(logs.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN").contains(alert.id())
                .contains(SINK_A).contains("gave up after 3 attempts"));
    }

    @Test
    void anEntryForASinkNoLongerConfiguredBecomesADeadLetter() {
        WebhookReceiver r = receiver();
        long id = store.enqueue(TestAlerts.alert("1"), "sms-presse#7:webhook").get(0);
        startOutbox(r, HIGHEST);
        assertThat(awaitRow(id, State.DEAD).delivery().lastError())
                .isEqualTo("sink sms-presse#7:webhook is no longer configured");
        assertThat(r.received()).isEmpty();
        await().untilAsserted(() -> assertThat(scrape()).contains("wachposten_dead_letters_total{sink=\"webhook\"} 1.0"));
    }

    @Test
    void anEntryWhoseAlertIsMissingBecomesADeadLetter() {
        WebhookReceiver r = receiver();
        Alert alert = TestAlerts.alert("1");
        long id = store.enqueue(alert, SINK_A).get(0);
        store.forgetAlert(alert.id());
        startOutbox(r, HIGHEST);
        assertThat(awaitRow(id, State.DEAD).delivery().lastError())
                .isEqualTo("alert " + alert.id() + " is not in the store");
        assertThat(r.received()).isEmpty();
    }

    @Test
    void anUnsetSecretKeepsTheAlertInTheOutboxUntilTheConfigIsFixed() {
        WebhookReceiver r = receiver();
        SinkConfig sink = new SinkConfig("webhook", r.url(), Secret.unset("SMS_WEBHOOK_SECRET"), List.of(), null, null,
                SINK_A, 12);
        long id = store.enqueue(TestAlerts.alert("1"), SINK_A).get(0);
        startOutbox(Map.of(SINK_A, new WebhookNotifier(sink, OFFICE, client, clock, Duration.ofSeconds(15))),
                RetryPolicy.DEFAULT, HIGHEST);
        Row row = awaitAttempts(id, 1);
        assertThat(row.state()).isEqualTo(State.PENDING);
        assertThat(row.delivery().lastError())
                .isEqualTo("webhook secret for office sms-presse: environment variable SMS_WEBHOOK_SECRET is not set");
        assertThat(r.received()).isEmpty();
    }

    @Test
    void theMetricSeriesExistFromStartUpWithZero() {
        WebhookReceiver r = receiver();
        outbox = new Outbox(vertx, store, Map.of(SINK_A, webhook(r, Duration.ofSeconds(15))), RetryPolicy.DEFAULT,
                clock, metrics);
        assertThat(scrape())
                .contains("wachposten_alert_deliveries_total{result=\"delivered\",sink=\"webhook\"} 0.0")
                .contains("wachposten_alert_deliveries_total{result=\"retry\",sink=\"webhook\"} 0.0")
                .contains("wachposten_alert_deliveries_total{result=\"dead\",sink=\"webhook\"} 0.0")
                .contains("wachposten_dead_letters_total{sink=\"webhook\"} 0.0")
                .contains("wachposten_time_to_alert_seconds_count{sink=\"webhook\"} 0")
                .contains("wachposten_outbox_backlog 0.0");
        store.enqueue(TestAlerts.alert("1"), SINK_A);
        store.enqueue(TestAlerts.alert("2"), "sms-presse#7:webhook");
        r.hangAlways();
        outbox.start();
        await().untilAsserted(() -> assertThat(scrape()).contains("wachposten_outbox_backlog 1.0"));
    }
}
