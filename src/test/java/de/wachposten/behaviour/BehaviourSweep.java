package de.wachposten.behaviour;

import de.wachposten.config.BehaviourSettings;
import java.time.Duration;
import java.util.Locale;

/**
 * Not a test: prints how the learned-profile detector alone and all detectors combined trade detection against false
 * alerts for several {@code threshold}/{@code min_features} settings, on the evaluation of {@link Evaluation}.
 * Run from the test class path ({@code java -cp target/test-classes:target/classes:DEPENDENCIES
 * de.wachposten.behaviour.BehaviourSweep}); no arguments.
 */
public final class BehaviourSweep {
    private BehaviourSweep() {
    }

    public static void main(String[] args) {
        System.out.println("threshold min_features  behaviour: detect  false/ch/month   combined: detect  false/ch/month");
        for (int minFeatures : new int[] {1, 2, 3}) {
            for (double threshold : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
                BehaviourSettings s = new BehaviourSettings(50, threshold, minFeatures, 5, Duration.ofMinutes(10));
                Evaluation.Tally t = new Evaluation.Tally();
                Evaluation e = new Evaluation(s);
                for (long seed = 1; seed <= 3; seed++) {
                    e.run(seed, t);
                }
                System.out.println(String.format(Locale.ROOT, "%9.1f %12d %17.1f%% %15.2f %17.1f%% %15.2f", threshold,
                        minFeatures, 100 * t.detectionRate("behaviour"), t.falseAlertsPerChannelMonth("behaviour"),
                        100 * t.detectionRate("combined"), t.falseAlertsPerChannelMonth("combined")));
            }
        }
    }
}
