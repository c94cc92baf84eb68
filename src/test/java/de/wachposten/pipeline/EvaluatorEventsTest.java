package de.wachposten.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.wachposten.account.OverdueCredentialsDetector;
import de.wachposten.account.ProfileChangeDetector;
import de.wachposten.alert.AlertService;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.detect.ChannelHistories;
import de.wachposten.detect.DeletionDetector;
import de.wachposten.detect.Detector;
import de.wachposten.detect.EditDetector;
import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.store.ProfileSnapshot;
import de.wachposten.store.Recipients;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.testkit.MutableClock;
import de.wachposten.testkit.TestChannels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator decides nothing itself: deletions, edits, profile changes and overdue credentials raise findings only
 * through the detectors that handle those events.
 */
class EvaluatorEventsTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration WITHIN = Duration.ofHours(24);

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T);
    private final ChannelConfig channel = TestChannels.channel("sms", TestChannels.policy(false, ChannelStatus.ACTIVE));
    private Store store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("w.db"), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Evaluator evaluator(List<Detector> detectors) {
        return new Evaluator(store, new AlertService(store, Recipients.NONE, clock), detectors, Map.of("sms", channel),
                clock, new PipelineMetrics(new SimpleMeterRegistry()), office -> "en", ChannelHistories.NONE);
    }

    /** A post published, edited and deleted, a profile change and an overdue task; the alerts they raise. */
    private List<Alert> lifecycle(Evaluator evaluator) {
        List<Optional<Alert>> out = new ArrayList<>();
        Post post = TestChannels.post("sms", "1", "Guten Morgen", T);
        store.ingest("sms", List.of(post), List.of(), "c1", false, T).forEach(v -> out.add(evaluator.evaluate(v)));
        Post edited = new Post("sms", post.platform(), "1", post.url(), post.author(), "Guten Abend", T,
                T.plusSeconds(60), post.client(), post.language(), List.of(), T.plusSeconds(90), "{}");
        store.ingest("sms", List.of(edited), List.of(), "c2", false, T.plusSeconds(90))
                .forEach(v -> out.add(evaluator.evaluate(v)));
        store.ingest("sms", List.of(), List.of("1"), "c3", false, T.plusSeconds(120))
                .forEach(v -> out.add(evaluator.evaluate(v)));
        Post profile = ProfileChanges.change(channel, Optional.of(new ProfileSnapshot(1, Map.of("note", "a"), T)),
                Map.of("note", "b"), T.plusSeconds(150)).orElseThrow();
        store.addEntry(StoredPost.Kind.PROFILE, profile, false, T.plusSeconds(150))
                .ifPresent(v -> out.add(evaluator.evaluate(v)));
        store.openRotationTasks("anna", T.minus(WITHIN).minusSeconds(1), List.of("sms"), "root", T);
        clock.set(T.plusSeconds(180));
        new OverdueCredentials(store, evaluator, Map.of("sms", channel), WITHIN, clock).check();
        return store.alerts(null, "sms");
    }

    @Test
    void withoutDetectorsNoEventRaisesAnything() {
        assertThat(lifecycle(evaluator(List.of()))).isEmpty();
        assertThat(store.pendingDetection(10)).isEmpty();
    }

    @Test
    void theDetectorsOfEachEventRaiseItsFindings() {
        List<Alert> alerts = lifecycle(evaluator(List.of(new DeletionDetector(), new EditDetector(),
                new ProfileChangeDetector(), new OverdueCredentialsDetector(WITHIN))));

        assertThat(alerts).extracting(a -> store.versions("sms", a.post().platformId()).getFirst().kind(),
                        a -> a.reasons().stream().map(Finding::code).toList())
                .containsExactlyInAnyOrder(
                        tuple(StoredPost.Kind.POST, List.of(ReasonCode.EDITED, ReasonCode.DELETED)),
                        tuple(StoredPost.Kind.PROFILE, List.of(ReasonCode.PROFILE_CHANGED)),
                        tuple(StoredPost.Kind.CREDENTIALS, List.of(ReasonCode.CREDENTIALS_OVERDUE)));
        assertThat(store.versions("sms", "profile:2")).extracting(StoredPost::kind)
                .containsExactly(StoredPost.Kind.PROFILE);
    }
}
