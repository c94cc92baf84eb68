package de.wachposten.behaviour;

import static de.wachposten.behaviour.ProfileFixtures.channel;
import static de.wachposten.behaviour.ProfileFixtures.post;
import static de.wachposten.behaviour.ProfileFixtures.run;
import static de.wachposten.behaviour.ProfileFixtures.weekdayHistory;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.BehaviourSettings;
import de.wachposten.config.ChannelConfig;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientDetectorTest {
    private static final Instant FRIDAY_10 = Instant.parse("2026-03-06T09:00:00Z");
    private final ClientDetector detector = new ClientDetector();

    private static ChannelConfig allowing(String... clients) {
        return channel(List.of(clients), BehaviourSettings.DEFAULTS);
    }

    @Test
    void aClientMissingFromTheAllowedListIsFlaggedInTheOfficesLanguage() {
        ChannelConfig ch = allowing("Hootsuite", "Wachposten Publisher");
        List<Finding> en = run(detector, ch, ChannelHistory.EMPTY,
                post("1", FRIDAY_10, "Twitter for Windows", "de", List.of(), "x"), "en");
        assertThat(en).extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCode.UNEXPECTED_CLIENT, Severity.HIGH));
        assertThat(en.get(0).detail()).isEqualTo(
                "client 'Twitter for Windows' is not in the channel's allowed list (Hootsuite, Wachposten Publisher)");
        assertThat(run(detector, ch, ChannelHistory.EMPTY,
                post("1", FRIDAY_10, "Twitter for Windows", "de", List.of(), "x"), "de").get(0).detail())
                .isEqualTo("Client 'Twitter for Windows' steht nicht in der Liste erlaubter Clients des Kanals "
                        + "(Hootsuite, Wachposten Publisher)");
    }

    @Test
    void anAllowedClientPassesWhateverItsCase() {
        assertThat(run(detector, allowing("Hootsuite"), ChannelHistory.EMPTY,
                post("1", FRIDAY_10, " hootsuite", "de", List.of(), "x"), "en")).isEmpty();
    }

    @Test
    void withoutAListAClientNeverSeenInALongHistoryIsFlagged() {
        List<Finding> f = run(detector, allowing(), weekdayHistory(412),
                post("1", FRIDAY_10, "Twitter for Android", "de", List.of(), "x"), "en");
        assertThat(f).extracting(Finding::detail)
                .containsExactly("client 'Twitter for Android' never used on this channel in 412 posts");
        assertThat(run(detector, allowing(), weekdayHistory(412),
                post("1", FRIDAY_10, "Twitter for Android", "de", List.of(), "x"), "de")).extracting(Finding::detail)
                .containsExactly("Client 'Twitter for Android' in 412 Beiträgen auf diesem Kanal nie benutzt");
    }

    @Test
    void withoutAListAKnownClientPasses() {
        assertThat(run(detector, allowing(), weekdayHistory(412),
                post("1", FRIDAY_10, "HOOTSUITE", "de", List.of(), "x"), "en")).isEmpty();
    }

    @Test
    void aShortHistoryIsNoEvidenceUntilMinPostsIsReached() {
        ChannelConfig ch = channel(List.of(), new BehaviourSettings(20, 0.6, 2, 5, Duration.ofMinutes(10)));
        assertThat(run(detector, ch, weekdayHistory(19),
                post("1", FRIDAY_10, "Twitter for Android", "de", List.of(), "x"), "en")).isEmpty();
        assertThat(run(detector, ch, weekdayHistory(20),
                post("1", FRIDAY_10, "Twitter for Android", "de", List.of(), "x"), "en")).hasSize(1);
    }

    @Test
    void aPlatformThatHidesTheClientIsNotChecked() {
        assertThat(run(detector, allowing("Hootsuite"), weekdayHistory(100),
                post("1", FRIDAY_10, null, "de", List.of(), "x"), "en")).isEmpty();
        assertThat(run(detector, allowing(), weekdayHistory(100),
                post("1", FRIDAY_10, null, "de", List.of(), "x"), "en")).isEmpty();
    }
}
