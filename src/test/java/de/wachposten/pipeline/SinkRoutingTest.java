package de.wachposten.pipeline;

import de.wachposten.detect.ChannelHistories;
import de.wachposten.alert.AlertRouter;
import de.wachposten.alert.AlertService;
import de.wachposten.config.Office;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.approval.ApprovalDetector;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.Severity;
import de.wachposten.store.Store;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.timing.HoursDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outbox entries go only to the office's sinks whose {@code min_severity} the alert reaches. */
class SinkRoutingTest {
    private final Clock clock = Clock.fixed(Instant.parse("2016-01-08T06:00:00Z"), ZoneOffset.UTC);
    private final SinkConfig all = new SinkConfig("webhook", "http://127.0.0.1:1/a", null, List.of(), null, null,
            "sms-presse#0:webhook", 1);
    private final SinkConfig pager = all.withMinSeverity(Severity.HIGH);
    private final SinkConfig pagerSink = new SinkConfig("webhook", "http://127.0.0.1:1/p", null, List.of(), null, null,
            "sms-presse#1:webhook", 2, Severity.HIGH);
    @TempDir
    Path dir;
    private Store store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private Evaluator evaluator(boolean approvalRequired) {
        store = SqliteStore.open(dir.resolve("w.db"), clock);
        ChannelConfig ch = new ChannelConfig("sms", "sms", "mastodon", "sms", "sms-presse", null, Map.of(),
                Duration.ofSeconds(60), false, null, policy(approvalRequired, ChannelStatus.ACTIVE, "Mon-Fri 07:00-19:00"),
                List.of(), List.of(), 1);
        Office office = new Office("sms-presse", null, "de", List.of(all, pagerSink));
        AlertRouter router = new AlertRouter(List.of(office), Set.of(all.key(), pagerSink.key()));
        return new Evaluator(store, new AlertService(store, router, clock),
                List.of(new ApprovalDetector(), new HoursDetector()), Map.of("sms", ch), clock,
                new PipelineMetrics(new SimpleMeterRegistry()), o -> "de", ChannelHistories.NONE);
    }

    private List<Object> sinksOf(String postId) {
        return store.deliveries(Alert.idFor("sms", postId)).stream().map(d -> d.get("sink")).toList();
    }

    @Test
    void aMediumAlertGoesOnlyToSinksWithoutAHigherMinimum() {
        Evaluator e = evaluator(false);
        store.ingest("sms", List.of(post("sms", "1", "nachts", Instant.parse("2016-01-08T05:30:00Z"))), List.of(), "1",
                false, clock.instant()).forEach(e::evaluate);
        assertThat(sinksOf("1")).containsExactly("sms-presse#0:webhook");
    }

    @Test
    void aHighAlertGoesToEverySink() {
        Evaluator e = evaluator(true);
        store.ingest("sms", List.of(post("sms", "2", "unfreigegeben", Instant.parse("2016-01-08T05:30:00Z"))), List.of(),
                "2", false, clock.instant()).forEach(e::evaluate);
        assertThat(sinksOf("2")).containsExactlyInAnyOrder("sms-presse#0:webhook", "sms-presse#1:webhook");
    }

    @Test
    void receivesComparesWithTheMinimum() {
        assertThat(pager.receives(Severity.CRITICAL)).isTrue();
        assertThat(pager.receives(Severity.HIGH)).isTrue();
        assertThat(pager.receives(Severity.MEDIUM)).isFalse();
        assertThat(all.receives(Severity.INFO)).isTrue();
    }
}
