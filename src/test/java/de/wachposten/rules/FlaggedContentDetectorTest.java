package de.wachposten.rules;

import static de.wachposten.testkit.TestChannels.channel;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelStatus;
import de.wachposten.config.ConfigError;
import de.wachposten.config.ContentSettings;
import de.wachposten.config.Policy;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlaggedContentDetectorTest {
    private static final Instant AT = Instant.parse("2016-01-08T05:30:00Z");
    /** The demo's 06:30 post. */
    private static final String INCIDENT = "Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus. #Asyl";

    private static List<Finding> detect(Ruleset rs, String text) {
        return detect(rs, text, policy(false, ChannelStatus.ACTIVE));
    }

    private static List<Finding> detect(Ruleset rs, String text, Policy p) {
        Findings out = new Findings();
        new FlaggedContentDetector(() -> rs).detect(new de.wachposten.detect.Event.Published(post("sms", "1", text, AT)),
                new DetectionContext(channel("sms", p), AT, List.of()), out);
        return out.list();
    }

    private static Policy withContent(ContentSettings c) {
        Policy p = policy(false, ChannelStatus.ACTIVE);
        return new Policy(p.approvalRequired(), p.hours(), p.timezone(), p.holidays(), p.status(), p.clients(),
                p.closedDays(), p.behaviour(), p.similarity(), p.minApprovers(), p.linkDomains(), c);
    }

    private static Ruleset shipped() {
        List<ConfigError> errors = new ArrayList<>();
        Ruleset rs = LiveRules.load(Path.of("rules"), errors);
        assertThat(errors).isEmpty();
        assertThat(rs.classifier()).isNotNull();
        return rs;
    }

    @Test
    void theIncidentTweetGivesOneReasonWithTheRuleAndTheClassifierExplanation() {
        try (Ruleset rs = shipped()) {
            List<Finding> f = detect(rs, INCIDENT);
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo("de-dehumanizing-vermin");
                assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(x.detail()).contains("trifft Regel de-dehumanizing-vermin", "Ungeziefer",
                        "Klassifikator: beleidigende Sprache, Wahrscheinlichkeit", "ausschlaggebend: ");
                assertThat(x.matches()).startsWith("Ungeziefer").hasSizeGreaterThan(1);
            });
        }
    }

    @Test
    void theExplanationIsInTheOfficesLanguage() {
        try (Ruleset rs = shipped()) {
            Findings out = new Findings();
            new FlaggedContentDetector(() -> rs).detect(
                    new de.wachposten.detect.Event.Published(post("sms", "1", INCIDENT, AT)),
                    new DetectionContext(channel("sms", policy(false, ChannelStatus.ACTIVE)), AT, List.of(),
                            de.wachposten.detect.Messages.of("en"), null), out);
            assertThat(out.list()).singleElement().satisfies(x -> assertThat(x.detail())
                    .contains("matches rule de-dehumanizing-vermin", "classifier: offensive language, probability",
                            "(threshold 0.", "driven by: "));
        }
    }

    @Test
    void theClassifierAloneRaisesAnOffensiveFindingWithItsWordsAndThePolicyCanSwitchItOff() {
        try (Ruleset rs = shipped()) {
            String text = "Erbärmliche Kreatur, verschwinde endlich aus der Politik.";
            assertThat(rs.match(text)).isEmpty();
            assertThat(detect(rs, text)).singleElement().satisfies(x -> {
                assertThat(x.code()).isEqualTo(ReasonCode.FLAGGED_CONTENT);
                assertThat(x.rule()).isEqualTo(FlaggedContentDetector.CLASSIFIER_RULE);
                assertThat(x.category()).isEqualTo("offensive");
                assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(x.matches()).isNotEmpty().containsAnyOf("verschwinde", "erbärmliche", "Kreatur");
                assertThat(x.detail()).startsWith("Klassifikator: beleidigende Sprache, Wahrscheinlichkeit 0.")
                        .contains("(Schwelle " + String.format(java.util.Locale.ROOT, "%.2f",
                                ContentSettings.DEFAULT_THRESHOLD) + ")");
            });
            assertThat(detect(rs, text, withContent(new ContentSettings(false, 0.5)))).isEmpty();
            assertThat(detect(rs, text, withContent(new ContentSettings(true, 1.0)))).isEmpty();
            assertThat(detect(rs, INCIDENT, withContent(new ContentSettings(false, 0.5)))).singleElement()
                    .satisfies(x -> assertThat(x.detail()).doesNotContain("classifier"));
        }
    }

    @Test
    void aRuleOfAnotherCategoryKeepsItsOwnReasonBesideTheClassifier() {
        try (Ruleset rs = shipped()) {
            List<Finding> f = detect(rs, "Erbärmliche Kreatur, verschwinde endlich aus der Politik. Meine IBAN: DE89 3704 0044 0532 0130 00");
            assertThat(f).extracting(Finding::rule).containsExactlyInAnyOrder("pii-iban",
                    FlaggedContentDetector.CLASSIFIER_RULE);
            assertThat(f).filteredOn(x -> "pii-iban".equals(x.rule())).singleElement()
                    .satisfies(x -> assertThat(x.detail()).doesNotContain("classifier"));
        }
    }

    @Test
    void theIncidentTweetRaisesFlaggedContentWithRuleCategorySeverityAndMatchedWords() {
        try (Ruleset rs = Ruleset.of(RuleLoader.load(Path.of("rules")).rules())) {
            List<Finding> f = detect(rs, INCIDENT);
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
