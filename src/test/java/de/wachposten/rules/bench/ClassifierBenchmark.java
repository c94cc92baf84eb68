package de.wachposten.rules.bench;

import de.wachposten.config.ContentSettings;
import de.wachposten.rules.FlaggedContentDetector;
import de.wachposten.rules.Rule;
import de.wachposten.rules.RuleLoader;
import de.wachposten.rules.Ruleset;
import de.wachposten.rules.classifier.ClassifierFiles;
import de.wachposten.rules.classifier.OffensiveModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Harness (not part of the test run): load time and heap of the shipped classifier model, and posts per CPU-second
 * of one thread (posts/s per core) for the classifier alone and for rules + classifier as the detector runs them
 * (rule match, classifier probability, explanation when flagged) at 5,000 rules (the shipped ones plus generated
 * ones, as in {@link RulesetBenchmark}), over the GermEval tweets.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> de.wachposten.rules.bench.ClassifierBenchmark}.
 */
public final class ClassifierBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of("rules").resolve(ClassifierFiles.MODEL);
        long[] load = new long[7];
        for (int i = 0; i < load.length; i++) {
            long t = System.nanoTime();
            OffensiveModel.read(file);
            load[i] = System.nanoTime() - t;
        }
        long before = RulesetBenchmark.usedHeap();
        OffensiveModel model = OffensiveModel.read(file);
        long heap = RulesetBenchmark.usedHeap() - before;
        long[] warm = Arrays.copyOfRange(load, 1, load.length);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "model %s: %d weights, load first %.0f ms, median of next %d %.0f ms, heap %.1f MB%n",
                file, model.size(), load[0] / 1e6, warm.length, warm[warm.length / 2] / 1e6, heap / 1e6);

        List<String> posts = RulesetBenchmark.posts();
        List<String> vocab = RulesetBenchmark.vocabulary(posts);
        List<Rule> rules = new ArrayList<>(RuleLoader.load(Path.of("rules")).rules());
        Random rnd = new Random(5_000);
        for (int i = rules.size(); i < 5_000; i++) {
            rules.add(RulesetBenchmark.generated(i, vocab, rnd));
        }
        try (Ruleset rs = Ruleset.of(rules, model)) {
            ContentSettings on = ContentSettings.DEFAULTS;
            for (String p : posts.subList(0, 1000)) {
                detect(rs, p, on);
            }
            long t0 = cpu();
            double sum = 0;
            for (int r = 0; r < 3; r++) {
                for (String p : posts) {
                    sum += model.probability(p);
                }
            }
            double clf = 3 * posts.size() / ((cpu() - t0) / 1e9);
            long t1 = cpu();
            int flagged = 0;
            for (int r = 0; r < 3; r++) {
                for (String p : posts) {
                    flagged += detect(rs, p, on);
                }
            }
            double both = 3 * posts.size() / ((cpu() - t1) / 1e9);
            System.out.printf(Locale.ROOT, "posts=%d rules=%d: classifier alone %.0f posts/s per core; rules + classifier "
                    + "%.0f posts/s per core (%.1f us/post; flagged per round %d; checksum %.1f)%n", posts.size(),
                    rs.size(), clf, both, 1e6 / both, flagged / 3, sum);
        }
    }

    private static int detect(Ruleset rs, String text, ContentSettings s) {
        int n = rs.match(text).size();
        if (FlaggedContentDetector.flagsByClassifier(rs, text, s)) {
            n += rs.classifier().explain(text, 5).drivers().size() > 0 ? 1 : 0;
        }
        return n;
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
