package de.wachposten.account;

import static de.wachposten.testkit.TestChannels.channel;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Detector;
import de.wachposten.detect.Event;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.detect.OwedRotation;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code profile_changed} and {@code credentials_overdue}. Their texts name fields, people and instants and read the
 * same for German and English offices.
 */
class AccountDetectorsTest {
    private static final Instant LEFT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration WITHIN = Duration.ofHours(24);
    private static final ChannelConfig CHANNEL = channel("sms", policy(false, ChannelStatus.ACTIVE));
    private static final Post POST = post("sms", "1", "Guten Morgen", LEFT.plus(Duration.ofDays(2)));
    private static final OwedRotation OPEN = new OwedRotation(3, "anna", LEFT, true);
    private static final OwedRotation CLOSED = new OwedRotation(4, "bert", LEFT, false);

    private static List<Finding> run(Detector d, Event e, Instant now, List<OwedRotation> rotations, String language) {
        Findings out = new Findings();
        if (d.handles(e.kind())) {
            d.detect(e, new DetectionContext(CHANNEL, now, List.of(), rotations, Messages.of(language),
                    ChannelHistory.EMPTY), out);
        }
        return out.list();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void aProfileChangeNamesEveryChangedFieldInNameOrder(String language) {
        Event.ProfileChanged e = new Event.ProfileChanged(post("sms", "profile:4", "entry", LEFT), 4,
                Map.of("display_name", "Pressestelle", "avatar", "a.png", "note", "Offiziell"),
                Map.of("display_name", "Gekapert", "avatar", "b.png", "note", "Offiziell", "links", "https://evil.example"));

        assertThat(run(new ProfileChangeDetector(), e, LEFT, List.of(), language)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ReasonCode.PROFILE_CHANGED);
            assertThat(f.severity()).isEqualTo(ReasonCode.PROFILE_CHANGED.defaultSeverity());
            assertThat(f.detail()).isEqualTo("profile changed: avatar \"a.png\" → \"b.png\"; display_name"
                    + " \"Pressestelle\" → \"Gekapert\"; links \"\" → \"https://evil.example\"");
        });
        assertThat(Event.Kind.values()).filteredOn(k -> new ProfileChangeDetector().handles(k))
                .containsExactly(Event.Kind.PROFILE_CHANGED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void anOverdueTaskRaisesItsOwnAlertNamingPersonAndDeadline(String language) {
        Event e = new Event.CredentialsOverdue(post("sms", "credentials:3", "entry", LEFT.plus(WITHIN)), OPEN);

        assertThat(run(new OverdueCredentialsDetector(WITHIN), e, LEFT.plus(WITHIN).plusSeconds(60), List.of(OPEN),
                language)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ReasonCode.CREDENTIALS_OVERDUE);
            assertThat(f.severity()).isEqualTo(ReasonCode.CREDENTIALS_OVERDUE.defaultSeverity());
            assertThat(f.detail()).isEqualTo("credentials not rotated: anna left at 2026-03-02T09:00:00Z; rotation was"
                    + " due by 2026-03-03T09:00:00Z (task 3)");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void postsAndEditsWhileAnOpenTaskIsOverdueAreCritical(String language) {
        Instant late = LEFT.plus(WITHIN).plusSeconds(1);
        OverdueCredentialsDetector d = new OverdueCredentialsDetector(WITHIN);

        for (Event e : List.of(new Event.Published(POST), new Event.Edited(POST, 2))) {
            assertThat(run(d, e, late, List.of(OPEN, CLOSED), language)).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(ReasonCode.CREDENTIALS_OVERDUE);
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(f.detail()).isEqualTo("posted while the channel's credentials are overdue for rotation: "
                        + "task 3 (anna left at 2026-03-02T09:00:00Z, due by 2026-03-03T09:00:00Z)");
            });
        }
        assertThat(run(d, new Event.Published(POST), LEFT.plus(WITHIN), List.of(OPEN), language)).isEmpty();
        assertThat(run(d, new Event.Published(POST), late, List.of(CLOSED), language)).isEmpty();
        assertThat(run(d, new Event.Deleted(POST, late, 1), late, List.of(OPEN), language)).isEmpty();
    }

    @Test
    void theDeadlineIsLeftAtPlusRotateWithinAndOnlyOpenTasksAreOverdue() {
        RotationDeadline deadline = new RotationDeadline(WITHIN);

        assertThat(deadline.due(OPEN)).isEqualTo(LEFT.plus(WITHIN));
        assertThat(deadline.overdue(OPEN, LEFT.plus(WITHIN))).isFalse();
        assertThat(deadline.overdue(OPEN, LEFT.plus(WITHIN).plusNanos(1))).isTrue();
        assertThat(deadline.overdue(CLOSED, LEFT.plus(WITHIN).plusSeconds(60))).isFalse();
    }
}
