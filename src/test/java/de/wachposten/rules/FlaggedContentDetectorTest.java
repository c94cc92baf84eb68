package de.wachposten.rules;

import static de.wachposten.testkit.TestChannels.channel;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelStatus;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlaggedContentDetectorTest {
    private static final Instant AT = Instant.parse("2016-01-08T05:30:00Z");

    private static List<Finding> detect(Ruleset rs, String text) {
        Findings out = new Findings();
        new FlaggedContentDetector(() -> rs).detect(new de.wachposten.detect.Event.Published(post("sms", "1", text, AT)),
                new DetectionContext(channel("sms", policy(false, ChannelStatus.ACTIVE)), AT, List.of()), out);
        return out.list();
    }

    @Test
    void theIncidentTweetRaisesFlaggedContentWithRuleCategorySeverityAndMatchedWords() {
        try (Ruleset rs = Ruleset.of(RuleLoader.load(Path.of("rules")).rules())) {
            List<Finding> f = detect(rs, "Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus. #Asyl");
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.code()).isEqualTo(ReasonCode.FLAGGED_CONTENT);
                assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(x.rule()).isEqualTo("de-dehumanizing-vermin");
                assertThat(x.category()).isEqualTo("dehumanizing");
                assertThat(x.matches()).containsExactly("Ungeziefer");
                assertThat(x.detail()).contains("de-dehumanizing-vermin", "Ungeziefer");
            });
        }
    }

    @Test
    void oneFindingPerMatchingRuleAndNoneForAHarmlessPost() {
        try (Ruleset rs = Ruleset.of(RuleLoader.load(Path.of("rules")).rules())) {
            assertThat(detect(rs, "Du Arschloch, halt die Fresse")).extracting(Finding::rule)
                    .containsExactlyInAnyOrder("de-insult-vulgar", "de-insult-shut-up");
            assertThat(detect(rs, "Guten Morgen aus Dresden! Heute ist Tag der offenen Tür im Ministerium.")).isEmpty();
        }
    }

    @Test
    void anEmptyRulesetFindsNothing() {
        try (Ruleset rs = Ruleset.empty()) {
            assertThat(detect(rs, "Ungeziefer")).isEmpty();
        }
    }
}
