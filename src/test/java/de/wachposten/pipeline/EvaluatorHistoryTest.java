package de.wachposten.pipeline;

import de.wachposten.detect.ChannelHistories;
import de.wachposten.store.Recipients;
import de.wachposten.alert.AlertService;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.behaviour.BehaviourDetector;
import de.wachposten.behaviour.ClientDetector;
import de.wachposten.behaviour.Profiles;
import de.wachposten.config.BehaviourSettings;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.config.HoursRange;
import de.wachposten.config.Policy;
import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.testkit.MutableClock;
import de.wachposten.testkit.TestChannels;
import de.wachposten.timing.HoursDetector;
import de.wachposten.timing.StatusDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluator gives detectors the office's language and the channel's history, built from the store and learned. */
class EvaluatorHistoryTest {
    private static final Instant MONDAY_10 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-03-20T12:00:00Z");
    private Store store;
    private Evaluator evaluator;
    private ChannelConfig channel;

    @BeforeEach
    void setUp() {
        store = SqliteStore.open(dir.resolve("w.db"), clock);
        Policy policy = new Policy(false, List.of(HoursRange.parse("Mon-Fri 07:00-19:00")), ZoneId.of("Europe/Berlin"),
                "DE-SN", ChannelStatus.ACTIVE, List.of(), List.of(),
                new BehaviourSettings(10, 0.6, 2, 5, Duration.ofMinutes(10)));
        channel = TestChannels.channel("sms", policy);
        Profiles profiles = new Profiles(id -> store.recentPosts(id, 500).stream().map(StoredPost::post).toList());
        evaluator = new Evaluator(store, new AlertService(store, Recipients.NONE, clock), List.of(new HoursDetector(),
                new StatusDetector(), new ClientDetector(), new BehaviourDetector()), Map.of("sms", channel), clock,
                new PipelineMetrics(new SimpleMeterRegistry()), office -> "en", profiles);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static Post post(String id, Instant at, String client) {
        return new Post("sms", "twitter", id, null, "SMS_Sachsen", "Text " + id, at, null, client, "de", List.of(),
                at.plusSeconds(30), "{}");
    }

    private Optional<Alert> publish(Post p) {
        List<StoredPost> fresh = store.ingest("sms", List.of(p), List.of(), p.platformId(), false, p.seenAt());
        return evaluator.evaluate(fresh.getFirst());
    }

    @Test
    void postsArchivedAtTheFirstPollAreTheHistoryAndNewPostsAreLearned() {
        List<Post> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            history.add(post("h" + i, MONDAY_10.plus(Duration.ofDays(i % 5)).plus(Duration.ofHours(i % 3)), "Hootsuite"));
        }
        store.ingest("sms", history, List.of(), "h11", true, MONDAY_10.plus(Duration.ofDays(5)));

        Optional<Alert> first = publish(post("n1", MONDAY_10.plus(Duration.ofDays(7)), "Twitter for Android"));
        assertThat(first).isPresent();
        assertThat(first.get().reasons()).extracting(Finding::detail)
                .containsExactly("client 'Twitter for Android' never used on this channel in 12 posts");

        Optional<Alert> second = publish(post("n2", MONDAY_10.plus(Duration.ofDays(8)), "Twitter for Android"));
        assertThat(second).as("the client was learned from the first post").isEmpty();
    }

    @Test
    void findingsAreExplainedInTheOfficesLanguage() {
        Optional<Alert> a = publish(post("n", Instant.parse("2016-01-08T05:30:00Z"), "Hootsuite"));
        assertThat(a.get().reasons()).extracting(Finding::detail)
                .containsExactly("Fri 06:30 Europe/Berlin; allowed Mon-Fri 07:00-19:00");
    }
}
