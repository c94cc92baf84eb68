package de.wachposten.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quality floor of the shipped rules on the held-out 40 % of GermEval 2018 (shuffled with seed
 * {@value GermEvalEvaluation#SEED}; the rules are tuned on the other 60 %).
 */
class GermEvalEvaluationTest {

    @Test
    void theShippedRulesKeepTheirPrecisionAndRecallOnHeldOutTweets() throws IOException {
        try (Ruleset rs = Ruleset.of(RuleLoader.load(Path.of("rules")).rules())) {
            GermEvalEvaluation.Result r = GermEvalEvaluation.evaluate(rs, GermEvalEvaluation.Split.HELD_OUT, false);
            System.out.println("GermEval 2018 held-out: " + r);
            assertThat(r.tweets()).isEqualTo(2004);
            assertThat(r.precision()).isGreaterThanOrEqualTo(0.80);
            assertThat(r.recall()).isGreaterThanOrEqualTo(0.36);
        }
    }

    @Test
    void theHeldOutMaskMarksTheTweetsOfTheHeldOutSplit() throws IOException {
        List<String[]> all = GermEvalEvaluation.lines(GermEvalEvaluation.Split.ALL);
        boolean[] mask = GermEvalEvaluation.heldOutMask(all.size());
        List<String> masked = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (mask[i]) {
                masked.add(all.get(i)[0]);
            }
        }
        List<String> heldOut = GermEvalEvaluation.lines(GermEvalEvaluation.Split.HELD_OUT).stream().map(t -> t[0]).toList();
        assertThat(masked).hasSize(2004).containsExactlyInAnyOrderElementsOf(heldOut);
    }
}
