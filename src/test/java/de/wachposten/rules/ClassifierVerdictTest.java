package de.wachposten.rules;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ConfigError;
import de.wachposten.config.ContentSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassifierVerdictTest {
    private static final List<String> TEXTS = List.of(
            "Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus. #Asyl",
            "Du dummer Vollpfosten, halt endlich dein Maul",
            "Wir verurteilen es, Menschen als dumme Vollpfosten zu beschimpfen.",
            "Einladung zum Tag der offenen Tür im Ministerium am Samstag");
    private static Ruleset rules;

    @BeforeAll
    static void load() {
        List<ConfigError> errors = new ArrayList<>();
        rules = LiveRules.load(Path.of("rules"), errors);
        assertThat(errors).isEmpty();
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    @Test
    void flagsExactlyWhenTheDetectorsClassifierDoesUnderEverySetting() {
        List<ContentSettings> settings = List.of(ContentSettings.DEFAULTS, new ContentSettings(true, 0.99),
                new ContentSettings(true, 0.0), new ContentSettings(false, 0.1));
        int flagged = 0;
        for (String text : TEXTS) {
            for (ContentSettings s : settings) {
                ClassifierVerdict v = ClassifierVerdict.of(rules, text, s);
                assertThat(v.flags()).as(text + " " + s)
                        .isEqualTo(FlaggedContentDetector.flagsByClassifier(rules, text, s));
                assertThat(v.probability()).isEqualTo(rules.classifier().probability(text));
                assertThat(v.threshold()).isEqualTo(s.threshold());
                flagged += v.flags() ? 1 : 0;
            }
        }
        assertThat(flagged).isGreaterThan(0);
    }

    @Test
    void theSummarySaysWhyAVerdictIsSilent() {
        assertThat(ClassifierVerdict.of(rules, TEXTS.get(1), ContentSettings.DEFAULTS).summary())
                .matches("classifier: probability 0\\.\\d\\d, threshold 0\\.65: raises flagged_content \\(offensive\\); "
                        + "driven by: .*Vollpfosten.*");
        assertThat(ClassifierVerdict.of(rules, TEXTS.get(1), new ContentSettings(false, 0.65)).summary())
                .contains(": silent: the classifier is off for this policy; driven by: ");
        assertThat(ClassifierVerdict.of(rules, TEXTS.get(2), ContentSettings.DEFAULTS).summary())
                .contains(": silent: the text reports, quotes or condemns what it mentions");
        assertThat(ClassifierVerdict.of(rules, TEXTS.get(3), ContentSettings.DEFAULTS).summary())
                .contains(": silent: below the threshold");
    }

    @Test
    void aRulesetWithoutModelGivesNoVerdict() {
        try (Ruleset none = Ruleset.of(List.copyOf(rules.rules()))) {
            assertThat(ClassifierVerdict.of(none, TEXTS.get(0), ContentSettings.DEFAULTS)).isNull();
        }
    }

    @Test
    void numbersNeverDriveTheVerdictSoNoPartOfAnIbanIsNamed() {
        String text = "Bitte überweist mir was: DE89 3704 0044 0532 0130 00";
        ClassifierVerdict v = ClassifierVerdict.of(rules, text, ContentSettings.DEFAULTS);
        assertThat(v.words()).isNotEmpty().allSatisfy(w -> assertThat(w).containsPattern("\\p{L}"))
                .doesNotContain("3704", "0044", "0532", "0130");
    }
}
