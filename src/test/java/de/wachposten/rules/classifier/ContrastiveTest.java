package de.wachposten.rules.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ConfigError;
import de.wachposten.config.ContentSettings;
import de.wachposten.rules.FlaggedContentDetector;
import de.wachposten.rules.LiveRules;
import de.wachposten.rules.Ruleset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The contrastive pairs ({@code src/test/resources/classifier/contrastive.tsv}): the same words once as hate and once
 * quoted, reported, condemned or explained. What a press office sees counts: a rule of an offensive category or the
 * classifier at the default threshold.
 */
class ContrastiveTest {
    /** Highest share of neutral sentences that may raise offensive flagged_content. */
    static final double MAX_FALSE_ALARMS = 0.05;
    /** Lowest share of hateful sentences that must raise it (measured 0.70 at the shipped model and threshold). */
    static final double MIN_RECALL = 0.65;

    record Pair(String hate, String neutral) {
    }

    static List<Pair> pairs() throws IOException {
        List<String> hate = new ArrayList<>();
        List<String> neutral = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of("src/test/resources/classifier/contrastive.tsv"), StandardCharsets.UTF_8)) {
            if (l.startsWith("#") || l.isBlank()) {
                continue;
            }
            String[] f = l.split("\t");
            (f[1].equals("HATE") ? hate : neutral).add(f[2]);
        }
        assertThat(hate).hasSameSizeAs(neutral);
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < hate.size(); i++) {
            out.add(new Pair(hate.get(i), neutral.get(i)));
        }
        return out;
    }

    @Test
    void neutralSentencesRarelyRaiseOffensiveContentAndHatefulOnesMostlyDo() throws IOException {
        List<ConfigError> errors = new ArrayList<>();
        List<Pair> pairs = pairs();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
        try (Ruleset rs = LiveRules.load(Path.of("rules"), errors)) {
            assertThat(errors).isEmpty();
            double th = ContentSettings.DEFAULT_THRESHOLD;
            int[] rules = new int[2];
            int[] clf = new int[2];
            int[] both = new int[2];
            List<String> falseAlarms = new ArrayList<>();
            for (Pair p : pairs) {
                for (int side = 0; side < 2; side++) {
                    String text = side == 0 ? p.hate() : p.neutral();
                    boolean r = FlaggedContentDetector.flagsByRules(rs, text);
                    boolean c = FlaggedContentDetector.flagsByClassifier(rs, text, ContentSettings.DEFAULTS);
                    rules[side] += r ? 1 : 0;
                    clf[side] += c ? 1 : 0;
                    both[side] += r || c ? 1 : 0;
                    if (side == 1 && (r || c)) {
                        falseAlarms.add((r ? "rule " : "") + (c ? "classifier " : "") + text);
                    }
                }
            }
            int n = pairs.size();
            System.out.printf(Locale.ROOT, "contrastive pairs=%d threshold=%.2f%n", n, th);
            System.out.printf(Locale.ROOT, "  hateful recall:    rules %.3f  classifier %.3f  both %.3f%n",
                    (double) rules[0] / n, (double) clf[0] / n, (double) both[0] / n);
            System.out.printf(Locale.ROOT, "  neutral false alarms: rules %.3f  classifier %.3f  both %.3f%n",
                    (double) rules[1] / n, (double) clf[1] / n, (double) both[1] / n);
            falseAlarms.forEach(f -> System.out.println("  false alarm: " + f));
            assertThat((double) both[1] / n).as("false alarms on neutral sentences").isLessThanOrEqualTo(MAX_FALSE_ALARMS);
            assertThat((double) both[0] / n).as("recall on hateful sentences").isGreaterThanOrEqualTo(MIN_RECALL);
        }
    }
}
