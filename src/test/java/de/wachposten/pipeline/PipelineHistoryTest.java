package de.wachposten.pipeline;

import de.wachposten.detect.ChannelHistories;
import de.wachposten.store.ChannelState;
import de.wachposten.store.Recipients;
import de.wachposten.alert.AlertService;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.approval.ApprovalDetector;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.platform.FetchResult;
import de.wachposten.store.Store;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.timing.HoursDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the first poll of a channel does with the posts it finds, per {@code history: ignore|check}. */
class PipelineHistoryTest {
    private static final Instant NIGHT = Instant.parse("2016-01-08T05:30:00Z");
    private final Clock clock = Clock.fixed(Instant.parse("2016-01-08T06:00:00Z"), ZoneOffset.UTC);
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger kicks = new AtomicInteger();
    @TempDir
    Path dir;
    private Store store;

    @AfterEach
    void close() throws Exception {
        store.close();
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    private Pipeline pipeline(ChannelConfig channel) {
        store = SqliteStore.open(dir.resolve("w.db"), clock);
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
        AlertService alerts = new AlertService(store, Recipients.fixed(List.of("sms-presse#0:webhook")), clock);
        alerts.onChange(a -> kicks.incrementAndGet());
        Evaluator evaluator = new Evaluator(store, alerts,
                List.of(new ApprovalDetector(), new HoursDetector()), Map.of(channel.id(), channel), clock, metrics,
                office -> "de", ChannelHistories.NONE);
        return new Pipeline(store, evaluator, vertx.createSharedWorkerExecutor("test"), clock, metrics);
    }

    private static ChannelConfig channel(boolean checkHistory) {
        return new ChannelConfig("sms", "sms", "mastodon", "sms", "sms-presse", null, Map.of(), Duration.ofSeconds(60),
                checkHistory, null, policy(true, ChannelStatus.ACTIVE, "Mon-Fri 07:00-19:00"), List.of(), List.of(), 1);
    }

    private static FetchResult history() {
        return new FetchResult(List.of(post("sms", "1", "alt", NIGHT), post("sms", "2", "auch alt", NIGHT)), "2",
                List.of(), null, null);
    }

    @Test
    void historyIgnoreArchivesTheFirstPollWithoutAlertingAndLaterPostsAreChecked() throws Exception {
        ChannelConfig ch = channel(false);
        Pipeline p = pipeline(ch);
        assertThat(p.ingest(ch, history(), ChannelState.empty("sms"), null).await(5, TimeUnit.SECONDS)).isZero();
        assertThat(store.versions("sms", "1")).hasSize(1).allSatisfy(v -> assertThat(v.detected()).isTrue());
        assertThat(store.alerts(null, "sms")).isEmpty();

        FetchResult next = new FetchResult(List.of(post("sms", "3", "neu", NIGHT)), "3", List.of(), null, null);
        assertThat(p.ingest(ch, next, store.channelState("sms"), null).await(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(store.alerts(null, "sms")).hasSize(1);
        assertThat(store.channelState("sms").cursor()).isEqualTo("3");
        assertThat(kicks).hasValue(1);
    }

    @Test
    void postsPublishedAfterWatchingBeganAreCheckedEvenWhenTheFirstSuccessfulPollComesLater() throws Exception {
        ChannelConfig ch = channel(false);
        Pipeline p = pipeline(ch);
        Pipeline.PollInput first = p.pollInput("sms", clock.instant(), null).await(5, TimeUnit.SECONDS); // 06:00
        assertThat(first.state().watchedSince()).isEqualTo(clock.instant());
        store.recordPollFailure("sms", clock.instant(), "HTTP 503");
        assertThat(p.pollInput("sms", clock.instant().plusSeconds(60), null).await(5, TimeUnit.SECONDS)
                .state().watchedSince())
                .as("the earliest beginning is kept").isEqualTo(clock.instant());

        // The first successful poll finds the history (05:30) and a post published while the polls failed (06:20).
        FetchResult found = new FetchResult(List.of(post("sms", "1", "alt", NIGHT),
                post("sms", "2", "nach dem Start", clock.instant().plus(Duration.ofMinutes(20)))), "2", List.of(),
                null, null);
        assertThat(p.ingest(ch, found, store.channelState("sms"), null).await(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(store.alerts(null, "sms")).singleElement()
                .satisfies(a -> assertThat(a.post().platformId()).isEqualTo("2"));
        assertThat(store.versions("sms", "1")).singleElement().satisfies(v -> assertThat(v.detected()).isTrue());
        assertThat(store.pendingDetection(10)).isEmpty();
    }

    @Test
    void historyCheckEvaluatesThePostsFoundAtTheFirstPoll() throws Exception {
        ChannelConfig ch = channel(true);
        Pipeline p = pipeline(ch);
        assertThat(p.ingest(ch, history(), ChannelState.empty("sms"), null).await(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(store.alerts(null, "sms")).hasSize(2);
        assertThat(store.outboxBacklog()).isEqualTo(2);
    }

    @Test
    void versionsLeftUnevaluatedByACrashAreEvaluatedByRecover() throws Exception {
        ChannelConfig ch = channel(false);
        Pipeline p = pipeline(ch);
        store.ingest("sms", List.of(post("sms", "9", "nachts", NIGHT)), List.of(), "9", false, clock.instant());
        assertThat(store.pendingDetection(10)).hasSize(1);

        assertThat(p.recover().await(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(store.pendingDetection(10)).isEmpty();
        assertThat(store.alerts(null, "sms")).singleElement()
                .satisfies(a -> assertThat(a.reasons()).extracting(f -> f.code().code()).containsExactly("unapproved", "outside_hours"));
    }
}
