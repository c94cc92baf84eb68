package de.wachposten.pipeline;

import de.wachposten.detect.ChannelHistories;
import de.wachposten.store.Recipients;
import de.wachposten.alert.AlertService;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.account.OverdueCredentialsDetector;
import de.wachposten.approval.ApprovalDetector;
import de.wachposten.behaviour.Profiles;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.testkit.MutableClock;
import de.wachposten.testkit.TestChannels;
import de.wachposten.timing.HoursDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Off-boarding deadlines: the overdue alert per task, and posts raised to critical while a task is overdue. */
class OverdueCredentialsTest {
    private static final Instant LEFT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration WITHIN = Duration.ofHours(24);
    private static final String SINK = "sms-presse#0:webhook";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(LEFT.plus(Duration.ofHours(1)));
    private final ChannelConfig channel = TestChannels.channel("sms",
            TestChannels.policy(false, ChannelStatus.ACTIVE));
    private Store store;
    private Evaluator evaluator;
    private OverdueCredentials overdue;

    @BeforeEach
    void setUp() {
        open();
        store.openRotationTasks("anna", LEFT, List.of("sms", "gone-channel"), "root", clock.instant());
    }

    private void open() {
        store = SqliteStore.open(dir.resolve("w.db"), clock);
        evaluator = new Evaluator(store, new AlertService(store, Recipients.fixed(List.of(SINK)), clock),
                List.of(new OverdueCredentialsDetector(WITHIN), new ApprovalDetector(), new HoursDetector()),
                Map.of("sms", channel), clock, new PipelineMetrics(new SimpleMeterRegistry()), office -> "en",
                new Profiles(id -> List.of()));
        overdue = new OverdueCredentials(store, evaluator, Map.of("sms", channel), WITHIN, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Optional<Alert> publish(String id) {
        StoredPost v = store.ingest("sms", List.of(TestChannels.post("sms", id, "Guten Morgen " + id,
                clock.instant())), List.of(), null, false, clock.instant()).getFirst();
        return evaluator.evaluate(v);
    }

    @Test
    void anOverdueTaskRaisesOneCredentialsOverdueAlertNamingPersonAndDeadlineAcrossRestarts() {
        clock.set(LEFT.plus(WITHIN));
        assertThat(overdue.check()).isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(overdue.check()).isEqualTo(1);

        Alert a = store.alerts(AlertStatus.OPEN, "sms").getFirst();
        long task = store.rotationTasks("sms").getFirst().id();
        assertThat(a.post().platformId()).isEqualTo("credentials:" + task);
        assertThat(a.reasons()).extracting(Finding::code).containsExactly(ReasonCode.CREDENTIALS_OVERDUE);
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.reasons().getFirst().detail()).isEqualTo("credentials not rotated: anna left at "
                + "2026-03-02T09:00:00Z; rotation was due by 2026-03-03T09:00:00Z (task " + task + ")");
        assertThat(store.deliveries(a.id())).singleElement().satisfies(d -> assertThat(d.get("sink")).isEqualTo(SINK));

        assertThat(overdue.check()).isZero();
        store.close();
        clock.advance(Duration.ofHours(2));
        open();
        assertThat(overdue.check()).isZero();
        assertThat(store.alerts(null, null)).hasSize(1);
    }

    @Test
    void postsAreRaisedToCriticalWhileATaskIsOverdueAndNoLongerOnceTheCredentialsAreRotated() {
        assertThat(publish("1")).isEmpty();

        clock.set(LEFT.plus(WITHIN).plusSeconds(1));
        Alert raised = publish("2").orElseThrow();
        long task = store.rotationTasks("sms").getFirst().id();
        assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raised.reasons()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ReasonCode.CREDENTIALS_OVERDUE);
            assertThat(f.detail()).isEqualTo("posted while the channel's credentials are overdue for rotation: task "
                    + task + " (anna left at 2026-03-02T09:00:00Z, due by 2026-03-03T09:00:00Z)");
        });

        store.recordCredentialRotation("sms", "bernd", clock.instant());
        assertThat(publish("3")).isEmpty();
    }
}
