package de.wachposten.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Quality floor of the shipped rules on the held-out 30 % of GermEval 2018 (the rules were tuned on the first 70 %). */
class GermEvalEvaluationTest {

    @Test
    void theShippedRulesKeepTheirPrecisionAndRecallOnHeldOutTweets() throws IOException {
        try (Ruleset rs = Ruleset.of(RuleLoader.load(Path.of("rules")).rules())) {
            GermEvalEvaluation.Result r = GermEvalEvaluation.evaluate(rs, GermEvalEvaluation.Split.HELD_OUT, false);
            System.out.println("GermEval 2018 held-out: " + r);
            assertThat(r.tweets()).isEqualTo(1503);
            assertThat(r.precision()).isGreaterThanOrEqualTo(0.75);
            assertThat(r.recall()).isGreaterThanOrEqualTo(0.33);
        }
    }
}
