package de.wachposten.rules.bench;

import de.wachposten.model.Severity;
import de.wachposten.rules.QueryCompiler;
import de.wachposten.rules.Rule;
import de.wachposten.rules.RuleLoader;
import de.wachposten.rules.Ruleset;
import de.wachposten.rules.analysis.Markers;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.index.memory.MemoryIndex;

/**
 * Harness (not part of the test run): posts per CPU-second of the matching thread (posts/s per core) for the shipped rules plus generated rules at 500, 5,000
 * and 50,000 rules, against a naive baseline that runs every rule's query on every post in a MemoryIndex; asserts
 * that both find identical matches and prints the heap held by each ruleset.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> de.wachposten.rules.bench.RulesetBenchmark}.
 * Generated rules look like the shipped ones: 60 % are lists of 1–12 words, mostly coined compounds of two corpus words
 * (rare in posts, like slurs), one in twenty an ordinary corpus word; 20 % are two phrases of corpus words; 20 % are
 * {@code (coined coined) AND (word word)}; a quarter carry an exception query of corpus words.
 */
public final class RulesetBenchmark {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private RulesetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> posts = posts();
        List<String> vocab = vocabulary(posts);
        List<Rule> shipped = RuleLoader.load(Path.of(args.length > 0 ? args[0] : "rules")).rules();
        System.out.printf(Locale.ROOT, "posts=%d vocabulary=%d shipped rules=%d cores used=1%n", posts.size(), vocab.size(), shipped.size());
        for (int size : new int[] {500, 5_000, 50_000}) {
            run(size, shipped, vocab, posts);
        }
    }

    private static void run(int size, List<Rule> shipped, List<String> vocab, List<String> posts) throws Exception {
        List<Rule> rules = new ArrayList<>(shipped);
        Random rnd = new Random(size);
        for (int i = rules.size(); i < size; i++) {
            rules.add(generated(i, vocab, rnd));
        }
        long heapBefore = usedHeap();
        Ruleset rs = Ruleset.of(rules);
        long heap = usedHeap() - heapBefore;
        for (String p : posts.subList(0, 1000)) {
            rs.match(p); // warm-up
        }
        long t0 = cpu();
        long matches = 0;
        int rounds = 3;
        for (int r = 0; r < rounds; r++) {
            for (String p : posts) {
                matches += rs.match(p).size();
            }
        }
        double monitorRate = rounds * posts.size() / ((cpu() - t0) / 1e9);
        int naivePosts = Math.max(30, Math.min(posts.size(), 500_000 / size));
        List<String> sample = posts.subList(0, naivePosts);
        long t1 = cpu();
        List<Set<String>> naive = new ArrayList<>();
        for (String p : sample) {
            naive.add(naive(rules, p));
        }
        double naiveRate = sample.size() / ((cpu() - t1) / 1e9);
        for (int i = 0; i < sample.size(); i++) {
            Set<String> m = rs.match(sample.get(i)).stream().map(x -> x.rule().id()).collect(Collectors.toCollection(TreeSet::new));
            if (!m.equals(naive.get(i))) {
                throw new AssertionError("different matches for post " + i + ": monitor " + m + " naive " + naive.get(i));
            }
        }
        System.out.printf(Locale.ROOT, "rules=%6d  monitor %8.0f posts/s  naive %8.1f posts/s (%d posts, identical matches)  "
                        + "speed-up %6.1fx  cost %.1f us/post  heap %.1f MB  matches/round %d%n",
                size, monitorRate, naiveRate, sample.size(), monitorRate / naiveRate, 1e6 / monitorRate, heap / 1e6,
                matches / rounds);
        rs.close();
    }

    private static Set<String> naive(List<Rule> rules, String text) {
        MemoryIndex mi = new MemoryIndex();
        mi.addField(QueryCompiler.TEXT, text, QueryCompiler.analyzer());
        mi.addField(Markers.FIELD, Markers.find(text), QueryCompiler.analyzer());
        Set<String> out = new TreeSet<>();
        for (Rule r : rules) {
            if (mi.search(r.query()) > 0.0f) {
                out.add(r.id());
            }
        }
        return out;
    }

    static Rule generated(int i, List<String> vocab, Random rnd) throws Exception {
        StringBuilder q = new StringBuilder();
        int shape = rnd.nextInt(10);
        if (shape < 6) {
            int n = 1 + rnd.nextInt(12);
            for (int k = 0; k < n; k++) {
                q.append(rnd.nextInt(20) == 0 ? pick(vocab, rnd) : coined(vocab, rnd)).append(' ');
            }
        } else if (shape < 8) {
            q.append('"').append(pick(vocab, rnd)).append(' ').append(pick(vocab, rnd)).append("\" ")
                    .append('"').append(pick(vocab, rnd)).append(' ').append(coined(vocab, rnd)).append('"');
        } else {
            q.append('(').append(coined(vocab, rnd)).append(' ').append(coined(vocab, rnd)).append(") AND (")
                    .append(pick(vocab, rnd)).append(' ').append(pick(vocab, rnd)).append(')');
        }
        List<String> exc = rnd.nextInt(4) == 0 ? List.of(pick(vocab, rnd) + " " + pick(vocab, rnd)) : List.of();
        List<org.apache.lucene.search.Query> excq = new ArrayList<>();
        for (String e : exc) {
            excq.add(QueryCompiler.parse(e));
        }
        var query = QueryCompiler.withExceptions(QueryCompiler.parse(q.toString()), excq);
        return new Rule("gen-" + i, "generated " + i, "test", "insult", Severity.MEDIUM, List.of("de"), q.toString(), query,
                exc, List.of(), List.of(new Rule.Example("x", 1)), List.of(), Path.of("generated"), 1);
    }

    /**
     * A coined word like the ones lexicon rules name: two corpus words joined (e.g. a slur compound). Like real
     * slurs, such words are rare in ordinary posts, so most generated rules are candidates rarely and match rarely.
     */
    private static String coined(List<String> vocab, Random rnd) {
        return pick(vocab, rnd) + pick(vocab, rnd);
    }

    private static String pick(List<String> vocab, Random rnd) {
        return vocab.get(rnd.nextInt(vocab.size()));
    }

    static List<String> posts() throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = java.nio.file.Files.newBufferedReader(Path.of(de.wachposten.rules.GermEvalEvaluation.TRAINING_FILE), StandardCharsets.UTF_8)) {
            for (String l; (l = r.readLine()) != null; ) {
                out.add(l.split("\t")[0].replace("|LBR|", "\n"));
            }
        }
        return out;
    }

    static List<String> vocabulary(List<String> posts) {
        Set<String> words = new TreeSet<>();
        for (String p : posts) {
            for (String w : p.split("[^\\p{L}]+")) {
                if (w.length() >= 6) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ArrayList<>(words);
    }

    /** CPU time of this thread: posts per CPU-second is posts/s per core, even on a busy machine. */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
