package de.wachposten.behaviour;

import static de.wachposten.behaviour.ProfileFixtures.channel;
import static de.wachposten.behaviour.ProfileFixtures.post;
import static de.wachposten.behaviour.ProfileFixtures.run;
import static de.wachposten.behaviour.ProfileFixtures.weekdayHistory;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.BehaviourSettings;
import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviourDetectorTest {
    private static final ChannelConfig CHANNEL = channel(List.of(), BehaviourSettings.DEFAULTS);
    /** Saturday 6 June 2026, 03:00 Berlin time (after the learned history). */
    private static final Instant SATURDAY_3 = Instant.parse("2026-06-06T01:00:00Z");
    /** Wednesday 3 June 2026, 10:05 Berlin time. */
    private static final Instant WEDNESDAY_10 = Instant.parse("2026-06-03T08:05:00Z");
    private final BehaviourDetector detector = new BehaviourDetector();

    private static Post foreign(Instant at) {
        return post("f", at, "Twitter for Android", "ru", List.of("https://evil.example/x"), "Hallo @fremd");
    }

    @Test
    void aPostDepartingOnSeveralFeaturesIsUnusualAndNamesThemWithScores() {
        List<Finding> f = run(detector, CHANNEL, weekdayHistory(200), foreign(SATURDAY_3), "en");
        assertThat(f).extracting(Finding::code).containsExactly(ReasonCode.UNUSUAL_BEHAVIOUR);
        assertThat(f.get(0).detail()).isEqualTo("departs from the channel's profile learned from 200 posts: "
                + "hour of week 'Sat 03:00' 1.00, client 'Twitter for Android' 1.00, language 'ru' 1.00, "
                + "link domain 'evil.example' 1.00, mention 'fremd' 1.00 (score 1.00)");
    }

    @Test
    void theExplanationIsGermanForAGermanOffice() {
        assertThat(run(detector, CHANNEL, weekdayHistory(200), foreign(SATURDAY_3), "de").get(0).detail())
                .startsWith("Weicht vom aus 200 Beiträgen gelernten Profil des Kanals ab: Wochenstunde 'Sat 03:00' 1,00, "
                        + "Client 'Twitter for Android' 1,00");
    }

    @Test
    void aUsualPostIsNotUnusual() {
        Post usual = post("u", WEDNESDAY_10, "Hootsuite", "de", List.of("https://sachsen.de/a"), "Neues von @sachsen");
        assertThat(run(detector, CHANNEL, weekdayHistory(200), usual, "en")).isEmpty();
    }

    @Test
    void departingOnOneFeatureAloneIsNotEnough() {
        Post newClientOnly = post("c", WEDNESDAY_10, "Twitter for Android", "de", List.of(), "Text");
        assertThat(run(detector, CHANNEL, weekdayHistory(200), newClientOnly, "en")).isEmpty();
        Post nightOnly = post("n", SATURDAY_3, "Hootsuite", "de", List.of(), "Text");
        assertThat(run(detector, CHANNEL, weekdayHistory(200), nightOnly, "en")).isEmpty();
    }

    @Test
    void nothingIsRaisedBeforeTheColdStartEnds() {
        assertThat(run(detector, CHANNEL, weekdayHistory(49), foreign(SATURDAY_3), "en")).isEmpty();
        assertThat(run(detector, CHANNEL, weekdayHistory(50), foreign(SATURDAY_3), "en")).hasSize(1);
        ChannelConfig patient = channel(List.of(), new BehaviourSettings(300, 0.6, 2, 5, Duration.ofMinutes(10)));
        assertThat(run(detector, patient, weekdayHistory(200), foreign(SATURDAY_3), "en")).isEmpty();
    }

    @Test
    void aBurstAboveTheUsualPeakIsUnusual() {
        Profile h = weekdayHistory(200);
        for (int i = 0; i < 4; i++) {
            Post p = post("b" + i, WEDNESDAY_10.plusSeconds(60L * i), "Hootsuite", "de", List.of(), "Text " + i);
            assertThat(run(detector, CHANNEL, h, p, "en")).isEmpty();
            h.learn(p);
        }
        Post fifth = post("b4", WEDNESDAY_10.plusSeconds(240), "Hootsuite", "de", List.of(), "Text 4");
        assertThat(run(detector, CHANNEL, h, fifth, "en")).extracting(Finding::detail)
                .containsExactly("burst: 5 posts within 10 min (usually at most 4)");
        assertThat(run(detector, CHANNEL, h, fifth, "de")).extracting(Finding::detail)
                .containsExactly("Häufung: 5 Beiträge innerhalb von 10 Min. (sonst höchstens 4)");
    }

    @Test
    void aChannelThatUsuallyPostsInSeriesHasAHigherPeak() {
        Profile h = weekdayHistory(200);
        Instant monday = Instant.parse("2026-06-01T08:00:00Z");
        for (int i = 0; i < 6; i++) {
            h.learn(post("s" + i, monday.plusSeconds(60L * i), "Hootsuite", "de", List.of(), "Serie " + i));
        }
        assertThat(h.usualPeak()).isEqualTo(6);
        for (int i = 0; i < 5; i++) {
            h.learn(post("b" + i, WEDNESDAY_10.plusSeconds(60L * i), "Hootsuite", "de", List.of(), "Text " + i));
        }
        Post sixth = post("b5", WEDNESDAY_10.plusSeconds(300), "Hootsuite", "de", List.of(), "Text 5");
        assertThat(run(detector, CHANNEL, h, sixth, "en")).isEmpty();
        Post seventh = post("b6", WEDNESDAY_10.plusSeconds(310), "Hootsuite", "de", List.of(), "Text 6");
        h.learn(sixth);
        assertThat(run(detector, CHANNEL, h, seventh, "en")).hasSize(1);
    }

    @Test
    void theBurstSizeAndWindowAreConfigurable() {
        ChannelConfig strict = channel(List.of(), new BehaviourSettings(50, 0.6, 2, 3, Duration.ofMinutes(30)));
        Profile h = weekdayHistory(200);
        h.learn(post("a", WEDNESDAY_10, "Hootsuite", "de", List.of(), "a"));
        h.learn(post("b", WEDNESDAY_10.plus(Duration.ofMinutes(12)), "Hootsuite", "de", List.of(), "b"));
        Post third = post("c", WEDNESDAY_10.plus(Duration.ofMinutes(25)), "Hootsuite", "de", List.of(), "c");
        assertThat(run(detector, CHANNEL, h, third, "en")).as("3 posts in 25 min: no burst by default").isEmpty();
        Profile wide = new Profile(ProfileFixtures.BERLIN, Duration.ofMinutes(30));
        for (int i = 0; i < 60; i++) {
            wide.learn(post("w" + i, ProfileFixtures.MONDAY.plus(Duration.ofHours(9 + 24L * i)), "Hootsuite", "de",
                    List.of(), "w"));
        }
        wide.learn(post("a", WEDNESDAY_10.plus(Duration.ofDays(60)), "Hootsuite", "de", List.of(), "a"));
        wide.learn(post("b", WEDNESDAY_10.plus(Duration.ofDays(60)).plus(Duration.ofMinutes(12)), "Hootsuite", "de",
                List.of(), "b"));
        Post late = post("c", WEDNESDAY_10.plus(Duration.ofDays(60)).plus(Duration.ofMinutes(25)), "Hootsuite", "de",
                List.of(), "c");
        assertThat(run(detector, strict, wide, late, "en")).extracting(Finding::detail)
                .containsExactly("burst: 3 posts within 30 min (usually at most 2)");
    }

    @Test
    void editsAreNotCheckedAgain() {
        de.wachposten.detect.Findings out = new de.wachposten.detect.Findings();
        de.wachposten.detect.Event edit = new de.wachposten.detect.Event.Edited(foreign(SATURDAY_3), 2);
        if (detector.handles(edit.kind())) {
            detector.detect(edit, new de.wachposten.detect.DetectionContext(CHANNEL, SATURDAY_3, List.of(),
                    de.wachposten.detect.Messages.of("en"), weekdayHistory(200)), out);
        }
        assertThat(detector.handles(edit.kind())).isFalse();
        assertThat(out.list()).isEmpty();
    }
}
