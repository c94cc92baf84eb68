package de.wachposten.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.behaviour.Evaluation.Kind;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Runs the COMPA-style evaluation (see {@link Evaluation}) with three seeds, prints the table and asserts the
 * targets: at least 95 % of injected foreign posts caught, at most one false alert per channel per month.
 */
class BehaviourEvaluationTest {

    static Evaluation.Tally evaluate() {
        Evaluation.Tally tally = new Evaluation.Tally();
        Evaluation e = new Evaluation();
        for (long seed = 1; seed <= 3; seed++) {
            e.run(seed, tally);
        }
        return tally;
    }

    static String table(Evaluation.Tally t) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-15s %7s", "injected", "events"));
        Evaluation.DETECTORS.forEach(d -> sb.append(String.format(Locale.ROOT, " %10s", d)));
        sb.append('\n');
        for (Kind k : Kind.values()) {
            sb.append(String.format(Locale.ROOT, "%-15s %7d", k.name().toLowerCase(Locale.ROOT), t.events(k)));
            for (String d : Evaluation.DETECTORS) {
                sb.append(String.format(Locale.ROOT, " %9.1f%%", 100.0 * t.caught(k, d) / Math.max(1, t.events(k))));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-23s", "detection rate"));
        Evaluation.DETECTORS.forEach(d -> sb.append(String.format(Locale.ROOT, " %9.1f%%", 100 * t.detectionRate(d))));
        sb.append('\n').append(String.format(Locale.ROOT, "%-23s", "false alerts/ch/month"));
        Evaluation.DETECTORS.forEach(d -> sb.append(String.format(Locale.ROOT, " %10.2f", t.falseAlertsPerChannelMonth(d))));
        return sb.append('\n').toString();
    }

    @Test
    void catchesAtLeast95PercentOfForeignPostsAtAtMostOneFalseAlertPerChannelAndMonth() {
        Evaluation.Tally t = evaluate();
        System.out.println("Behaviour evaluation (" + t.channels + " channel timelines, " + Evaluation.TEST_MONTHS
                + " test months each; rows: share caught, 'clean' row: false-positive rate)\n" + table(t));
        assertThat(t.detectionRate("combined")).isGreaterThanOrEqualTo(0.95);
        assertThat(t.falseAlertsPerChannelMonth("combined")).isLessThanOrEqualTo(1.0);
    }
}
