package de.wachposten.rules.bench;

import static de.wachposten.testkit.TestChannels.channel;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;

import de.wachposten.config.ChannelStatus;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Event;
import de.wachposten.detect.Findings;
import de.wachposten.rules.FlaggedContentDetector;
import de.wachposten.rules.Rule;
import de.wachposten.rules.RuleLoader;
import de.wachposten.rules.Ruleset;
import de.wachposten.rules.classifier.ClassifierFiles;
import de.wachposten.rules.classifier.OffensiveModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Harness (not part of the test run): load time and heap of the shipped classifier model, and the throughput of one
 * thread over the GermEval tweets, for the classifier alone ({@code OffensiveModel.probability}) and for rules +
 * classifier as the daemon runs them: {@link FlaggedContentDetector#detect} on each tweet as a published post of a
 * channel whose policy has the classifier on (rule match, classifier score, explanation of a flagged post, findings
 * with their messages) at 5,000 rules (the shipped ones plus generated ones, as in {@link RulesetBenchmark}).
 *
 * <p>One thread does all the work, so posts per CPU-second of that thread are posts/s per core. Two warm-up rounds
 * over all tweets come first (the JIT has compiled the hot paths by then); then each measured round prints posts per
 * CPU-second of the thread, posts per CPU-second of the whole process (also counting the garbage collector and the
 * JIT, the honest figure when they run on the other core) and posts per wall-clock second (which other builds on the
 * machine slow down). Run:
 * {@code java -Xmx1g -cp target/classes:target/test-classes:<deps> de.wachposten.rules.bench.ClassifierBenchmark [rounds]}.
 */
public final class ClassifierBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Instant AT = Instant.parse("2018-06-01T10:00:00Z");

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
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
            FlaggedContentDetector detector = new FlaggedContentDetector(() -> rs);
            DetectionContext ctx = new DetectionContext(channel("bench", policy(false, ChannelStatus.ACTIVE)), AT,
                    List.of());
            List<Event> events = new ArrayList<>(posts.size());
            for (int i = 0; i < posts.size(); i++) {
                events.add(new Event.Published(post("bench", Integer.toString(i), posts.get(i), AT)));
            }
            ToIntFunction<Event> detect = e -> {
                Findings out = new Findings();
                detector.detect(e, ctx, out);
                return out.list().size();
            };
            ToIntFunction<String> classify = p -> model.probability(p) >= 0.5 ? 1 : 0;
            for (int r = 0; r < 2; r++) {
                round(posts, classify);
                round(events, detect);
            }
            System.out.printf(Locale.ROOT, "posts=%d rules=%d, one thread, %d measured rounds after 2 warm-up rounds%n",
                    posts.size(), rs.size(), rounds);
            double[] clf = new double[rounds];
            double[] both = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Rate c = round(posts, classify);
                Rate b = round(events, detect);
                clf[r] = c.thread();
                both[r] = b.thread();
                System.out.printf(Locale.ROOT, "round %d: classifier alone %6.0f posts/s per core (process CPU %6.0f, "
                        + "wall %6.0f); rules + classifier %6.0f posts/s per core (process CPU %6.0f, wall %6.0f; "
                        + "%.1f us/post; findings %d)%n", r + 1, c.thread(), c.process(), c.wall(), b.thread(),
                        b.process(), b.wall(), 1e6 / b.thread(), b.count());
            }
            Arrays.sort(clf);
            Arrays.sort(both);
            System.out.printf(Locale.ROOT, "median: classifier alone %.0f posts/s per core (range %.0f-%.0f); "
                    + "rules + classifier %.0f posts/s per core (range %.0f-%.0f)%n", clf[rounds / 2], clf[0],
                    clf[rounds - 1], both[rounds / 2], both[0], both[rounds - 1]);
        }
    }

    /** Posts per second of thread CPU, of process CPU and of wall-clock time over one pass. */
    private record Rate(double thread, double process, double wall, long count) {
    }

    private static <T> Rate round(List<T> items, ToIntFunction<T> work) {
        long wall = System.nanoTime();
        long process = OS.getProcessCpuTime();
        long thread = THREADS.getCurrentThreadCpuTime();
        long count = 0;
        for (T item : items) {
            count += work.applyAsInt(item);
        }
        double n = items.size();
        return new Rate(n / ((THREADS.getCurrentThreadCpuTime() - thread) / 1e9),
                n / ((OS.getProcessCpuTime() - process) / 1e9), n / ((System.nanoTime() - wall) / 1e9), count);
    }
}
