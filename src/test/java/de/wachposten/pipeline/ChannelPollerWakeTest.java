package de.wachposten.pipeline;

import de.wachposten.detect.ChannelHistories;
import de.wachposten.store.Recipients;
import de.wachposten.alert.AlertService;
import static de.wachposten.testkit.TestChannels.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.approval.ApprovalDetector;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.platform.Connector;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PushSource;
import de.wachposten.store.Store;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push events wake the poller: at once after a quiet spell, and a burst of events costs one poll, not one each.
 * Lateness and spacing are read from the poller's clock, which stands still here unless a test moves it.
 */
class ChannelPollerWakeTest {
    private static final Instant T0 = Instant.parse("2016-01-08T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<Runnable> wake = new AtomicReference<>();
    @TempDir
    Path dir;
    private Store store;
    private ChannelPoller poller;

    @AfterEach
    void close() throws Exception {
        poller.stop();
        vertx.close().await(5, TimeUnit.SECONDS);
        store.close();
    }

    private void startPoller() {
        startPoller(Duration.ZERO);
        await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() == 1);
    }

    private void startPoller(Duration initialDelay) {
        ChannelConfig channel = new ChannelConfig("sms", "sms", "bluesky", "sms", "sms-presse", null, Map.of(),
                Duration.ofHours(1), false, null, policy(false, ChannelStatus.ACTIVE, "Mon-Sun 00:00-24:00"),
                List.of(), List.of(), 1);
        store = SqliteStore.open(dir.resolve("w.db"), clock);
        PipelineMetrics metrics = new PipelineMetrics(registry);
        Evaluator evaluator = new Evaluator(store, new AlertService(store, Recipients.NONE, clock),
                List.of(new ApprovalDetector()), Map.of("sms", channel), clock, metrics, office -> "de",
                ChannelHistories.NONE);
        Pipeline pipeline = new Pipeline(store, evaluator, vertx.createSharedWorkerExecutor("test"), clock,
                metrics);
        Connector connector = new Connector() {
            @Override
            public Future<FetchResult> fetch(String cursor, List<String> knownRecent) {
                int n = fetches.incrementAndGet();
                return Future.succeededFuture(new FetchResult(List.of(), "c" + n, List.of(), null, null));
            }

            @Override
            public PushSource push() {
                return new PushSource() {
                    @Override
                    public void start(Runnable w) {
                        wake.set(w);
                    }

                    @Override
                    public void stop() {
                    }
                };
            }
        };
        poller = new ChannelPoller(vertx, channel, connector, pipeline, clock, metrics, new Random(1));
        poller.start(initialDelay);
    }

    @Test
    void anEventAfterAQuietSpellIsPolledLongBeforeTheHourlySchedule() {
        startPoller();

        wake.get().run();

        await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() == 2);
    }

    @Test
    void aBurstOfFiftyEventsCostsAtMostTwoPolls() throws Exception {
        startPoller();

        for (int i = 0; i < 50; i++) {
            wake.get().run();
            Thread.sleep(4);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() >= 2);
        Thread.sleep(2 * ChannelPoller.PUSH_MIN_GAP.toMillis());

        assertThat(fetches.get() - 1).as("polls woken by the burst").isBetween(1, 2);
    }

    @Test
    void aWokenPollKeepsItsGapOnTheClockAndGoesAtOnceOnceTheClockHasMovedPastIt() {
        startPoller();

        wake.get().run();
        assertThat(poller.health().get("next_poll_at")).as("the clock stands still: one gap after the last start")
                .isEqualTo(T0.plus(ChannelPoller.PUSH_MIN_GAP).toString());
        clock.advance(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() == 2);
        assertThat(poller.health().get("last_poll_started_at")).isEqualTo(T0.plusSeconds(5).toString());

        clock.advance(Duration.ofSeconds(5));
        wake.get().run();
        await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() == 3);
        assertThat(poller.health().get("last_poll_started_at")).isEqualTo(T0.plusSeconds(10).toString());
    }

    @Test
    void latenessIsMeasuredOnTheClock() throws Exception {
        startPoller(Duration.ofMillis(500));
        clock.advance(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(5)).until(() -> fetches.get() == 1);

        assertThat(registry.get("wachposten.poll.lateness").tag("platform", "bluesky").timer()
                .max(TimeUnit.MILLISECONDS)).isEqualTo(30_000 - 500);
    }
}
