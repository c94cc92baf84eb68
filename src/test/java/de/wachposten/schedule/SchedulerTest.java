package de.wachposten.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.wachposten.testkit.LogCapture;
import de.wachposten.testkit.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jobs run on a worker at the scheduler clock's time, one run at a time, with their metrics from registration on. */
class SchedulerTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private final MutableClock clock = MutableClock.at("2016-01-08T05:30:00Z");
    private final Vertx vertx = Vertx.vertx();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Scheduler scheduler = new Scheduler(vertx, vertx.createSharedWorkerExecutor("test-jobs", 2), clock,
            registry);

    @AfterEach
    void close() throws Exception {
        scheduler.stop();
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    private double runs(String job, String result) {
        return registry.get("wachposten.job.runs").tag("job", job).tag("result", result).counter().count();
    }

    private double lastSuccess(String job) {
        return registry.get("wachposten.job.last.success").tag("job", job).gauge().value();
    }

    @Test
    void everySeriesExistsFromRegistration() {
        scheduler.add(new Job("open-alerts", HOUR, now -> 0));

        assertThat(runs("open-alerts", "success")).isZero();
        assertThat(runs("open-alerts", "failure")).isZero();
        assertThat(registry.get("wachposten.job.duration").tag("job", "open-alerts").timer().count()).isZero();
        assertThat(lastSuccess("open-alerts")).isZero();
        assertThat(scheduler.jobs()).containsExactly("open-alerts");
    }

    @Test
    void runNowRunsTheBodyOnAWorkerAtTheClocksTime() throws Exception {
        List<Instant> seen = new CopyOnWriteArrayList<>();
        List<Boolean> onWorker = new CopyOnWriteArrayList<>();
        scheduler.add(new Job("escalation", HOUR, now -> {
            seen.add(now);
            onWorker.add(Context.isOnWorkerThread());
            clock.advance(Duration.ofSeconds(3));
            return 7;
        }));

        assertThat(scheduler.runNow("escalation").await(5, TimeUnit.SECONDS)).isEqualTo(7);
        clock.set(Instant.parse("2016-01-08T06:00:00Z"));
        assertThat(scheduler.runNow("escalation").await(5, TimeUnit.SECONDS)).isEqualTo(7);

        assertThat(seen).containsExactly(Instant.parse("2016-01-08T05:30:00Z"), Instant.parse("2016-01-08T06:00:00Z"));
        assertThat(onWorker).containsExactly(true, true);
        assertThat(runs("escalation", "success")).isEqualTo(2);
        assertThat(lastSuccess("escalation")).isEqualTo(Instant.parse("2016-01-08T06:00:00Z").getEpochSecond());
        assertThat(registry.get("wachposten.job.duration").tag("job", "escalation").timer()
                .totalTime(TimeUnit.SECONDS)).isEqualTo(6);
    }

    @Test
    void aFailureIsCountedAndLoggedOnceWithTheJobName() {
        scheduler.add(new Job("archive-retention", HOUR, now -> {
            throw new IllegalStateException("disk full");
        }));

        try (LogCapture logs = LogCapture.capture()) {
            assertThatThrownBy(() -> scheduler.runNow("archive-retention").await(5, TimeUnit.SECONDS))
                    .isInstanceOf(IllegalStateException.class).hasMessage("disk full");
            assertThat(logs.lines()).filteredOn(l -> l.contains("disk full"))
                    .containsExactly("ERROR " + Scheduler.class.getName()
                            + " job archive-retention failed: java.lang.IllegalStateException: disk full");
        }
        assertThat(runs("archive-retention", "failure")).isEqualTo(1);
        assertThat(runs("archive-retention", "success")).isZero();
        assertThat(lastSuccess("archive-retention")).isZero();
    }

    @Test
    void aRunOfFailuresIsLoggedOnceAndTheRecoveryAfterIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        scheduler.add(new Job("archive-index", HOUR, now -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("store unreachable");
            }
            return 0;
        }));

        try (LogCapture logs = LogCapture.capture()) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> scheduler.runNow("archive-index").await(5, TimeUnit.SECONDS))
                        .hasMessage("store unreachable");
            }
            assertThat(scheduler.runNow("archive-index").await(5, TimeUnit.SECONDS)).isZero();
            assertThat(logs.lines()).filteredOn(l -> !l.startsWith("DEBUG") && l.contains("archive-index"))
                    .containsExactly("ERROR " + Scheduler.class.getName()
                                    + " job archive-index failed: java.lang.IllegalStateException: store unreachable",
                            "INFO " + Scheduler.class.getName() + " job archive-index succeeded again after 3 failed"
                                    + " runs");
        }
        assertThat(runs("archive-index", "failure")).isEqualTo(3);
    }

    @Test
    void aRunIsSkippedWhileThePreviousRunOfTheJobIsStillGoing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        scheduler.add(new Job("credentials-overdue", HOUR, now -> {
            started.incrementAndGet();
            assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
            return 1;
        }));
        var first = scheduler.runNow("credentials-overdue");
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 1);

        assertThatThrownBy(() -> scheduler.runNow("credentials-overdue").await(5, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("still running");
        release.countDown();
        assertThat(first.await(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(scheduler.runNow("credentials-overdue").await(5, TimeUnit.SECONDS)).isEqualTo(1);

        assertThat(started.get()).isEqualTo(2);
        assertThat(runs("credentials-overdue", "success")).isEqualTo(2);
    }

    @Test
    void startRunsEveryJobAtOnceThenOnItsIntervalUntilStopped() throws Exception {
        AtomicInteger hourly = new AtomicInteger();
        AtomicInteger often = new AtomicInteger();
        scheduler.add(new Job("hourly", HOUR, now -> hourly.incrementAndGet()))
                .add(new Job("often", Duration.ofMillis(20), now -> often.incrementAndGet()));

        scheduler.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> hourly.get() == 1 && often.get() >= 3);
        scheduler.stop();
        Thread.sleep(100);
        int stopped = often.get();
        Thread.sleep(100);
        assertThat(often.get()).isEqualTo(stopped);
        assertThat(hourly.get()).isEqualTo(1);
    }

    @Test
    void namesAreLabelsAndUnique() {
        assertThatThrownBy(() -> new Job("Open Alerts", HOUR, now -> 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Job("x", Duration.ZERO, now -> 0)).isInstanceOf(IllegalArgumentException.class);
        scheduler.add(new Job("x", HOUR, now -> 0));
        assertThatThrownBy(() -> scheduler.add(new Job("x", HOUR, now -> 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scheduler.runNow("y").await(5, TimeUnit.SECONDS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
