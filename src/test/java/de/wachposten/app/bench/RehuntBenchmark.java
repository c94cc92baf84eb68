package de.wachposten.app.bench;

import de.wachposten.app.Cli;
import de.wachposten.model.Post;
import de.wachposten.store.jdbc.JdbcStore;
import de.wachposten.store.jdbc.SqliteStore;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Harness (not part of the test run): generates an archive of N posts (default 1,000,000) in a fresh SQLite store
 * through {@code Store.ingest} in batches of 10,000, writes the shipped rules plus generated ones up to 5,000 rules
 * (shaped like those of {@code RulesetBenchmark}, but one word in 100 of a word list an ordinary one instead
 * of one in 20: with 5,000 rules, one in 20 makes most posts match some rule), runs {@code rehunt} over the whole archive through the CLI and
 * prints wall time, posts/s and matches.
 *
 * <p>Posts are German: one to three sentences drawn from the GermEval 2018 training posts (test resources), recombined,
 * with an occasional coined compound, across 20 channels, one post every 30 seconds.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> de.wachposten.app.bench.RehuntBenchmark
 * [posts] [workdir] [rules dir]}.
 */
public final class RehuntBenchmark {
    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final int RULES = 5_000;
    private static final int BATCH = 10_000;
    /** One word in ORDINARY of a word-list rule is an ordinary corpus word (RulesetBenchmark: 20). */
    private static final int ORDINARY = 100;

    private RehuntBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("rehunt-bench");
        Files.createDirectories(work);
        Path shipped = Path.of(args.length > 2 ? args[2] : "rules");
        List<String> sentences = sentences();
        List<String> vocab = vocabulary(sentences);
        Path store = work.resolve("store.db");
        if (!Files.exists(store)) {
            long t0 = System.nanoTime();
            generate(store, n, sentences, vocab);
            System.out.printf(Locale.ROOT, "generated %d posts in %.1f s (%d bytes)%n", n,
                    (System.nanoTime() - t0) / 1e9, Files.size(store));
        }
        Path rules = rules(work, shipped, vocab);
        Path config = work.resolve("wachposten.yaml");
        Files.writeString(config, "store:\n  path: " + store + "\n");
        CountingStream lines = new CountingStream();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t1 = System.nanoTime();
        int code = new Cli(new PrintStream(lines, true, StandardCharsets.UTF_8), System.err, Map.of()).execute(
                new String[] {"rehunt", "--config", config.toString(), "--rules", rules.toString(),
                    "--from", "2000-01-01T00:00:00Z", "--to", "2100-01-01T00:00:00Z"});
        double secs = (System.nanoTime() - t1) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.println(lines.last);
        System.out.printf(Locale.ROOT, "rehunt exit %d: %d posts, %d rules, wall %.1f s, %.0f posts/s, %d match lines, "
                + "cores %d, process CPU %.1f s (%.0f posts per CPU-second), load average %.1f%n", code, n, RULES, secs, n / secs,
                lines.count - 1, Runtime.getRuntime().availableProcessors(), cpu, n / cpu, os.getSystemLoadAverage());
    }

    private static void generate(Path file, int n, List<String> sentences, List<String> vocab) {
        Random rnd = new Random(42);
        try (JdbcStore store = SqliteStore.open(file, Clock.systemUTC())) {
            for (int start = 0; start < n; start += BATCH) {
                for (int ch = 0; ch < 20; ch++) {
                    List<Post> batch = new ArrayList<>();
                    for (int i = start + ch; i < Math.min(n, start + BATCH); i += 20) {
                        batch.add(post("ch-" + ch, i, text(rnd, sentences, vocab)));
                    }
                    store.ingest("ch-" + ch, batch, List.of(), "c" + start, true, T0.plusSeconds(30L * start));
                }
                if (start % 100_000 == 0) {
                    System.out.printf(Locale.ROOT, "  %d posts%n", start);
                }
            }
        }
    }

    private static Post post(String channel, int i, String text) {
        Instant at = T0.plusSeconds(30L * i);
        return new Post(channel, "mastodon", Integer.toString(i), "https://social.example/@" + channel + "/" + i,
                channel, text, at, null, "Web", "de", List.of(), at.plusSeconds(20), "{\"id\":\"" + i + "\"}");
    }

    private static String text(Random rnd, List<String> sentences, List<String> vocab) {
        StringBuilder b = new StringBuilder();
        for (int k = rnd.nextInt(3); k >= 0; k--) {
            b.append(sentences.get(rnd.nextInt(sentences.size()))).append(' ');
        }
        if (rnd.nextInt(50) == 0) {
            b.append(cap(vocab.get(rnd.nextInt(vocab.size())) + vocab.get(rnd.nextInt(vocab.size()))));
        }
        return b.toString().strip();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The shipped rules copied, plus generated ones up to {@link #RULES}, as rule files. */
    private static Path rules(Path work, Path shipped, List<String> vocab) throws Exception {
        Path dir = work.resolve("rules");
        Files.createDirectories(dir);
        int count = 0;
        try (Stream<Path> s = Files.walk(shipped)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Path target = dir.resolve(shipped.relativize(f).toString().replace('/', '-'));
                Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                count += (int) Files.readAllLines(f).stream().filter(l -> l.startsWith("- id:")).count();
            }
        }
        Random rnd = new Random(RULES);
        StringBuilder y = new StringBuilder();
        for (int i = count; i < RULES; i++) {
            String q = query(vocab, rnd);
            y.append("- id: gen-").append(i).append("\n  title: generated ").append(i)
                    .append("\n  status: test\n  category: insult\n  severity: medium\n  languages: [de]\n  query: '")
                    .append(q).append("'\n");
            if (rnd.nextInt(4) == 0) {
                y.append("  exceptions:\n    - '").append(pick(vocab, rnd)).append(' ').append(pick(vocab, rnd)).append("'\n");
            }
            y.append("  examples:\n    match: ['x']\n");
        }
        Files.writeString(dir.resolve("generated.yaml"), y);
        return dir;
    }

    /** Shapes as in RulesetBenchmark: word lists of mostly coined compounds, phrase pairs, compound AND word. */
    private static String query(List<String> vocab, Random rnd) {
        StringBuilder q = new StringBuilder();
        int shape = rnd.nextInt(10);
        if (shape < 6) {
            for (int k = 1 + rnd.nextInt(12); k > 0; k--) {
                q.append(rnd.nextInt(ORDINARY) == 0 ? pick(vocab, rnd) : pick(vocab, rnd) + pick(vocab, rnd)).append(' ');
            }
        } else if (shape < 8) {
            q.append('"').append(pick(vocab, rnd)).append(' ').append(pick(vocab, rnd)).append("\" \"")
                    .append(pick(vocab, rnd)).append(' ').append(pick(vocab, rnd)).append(pick(vocab, rnd)).append('"');
        } else {
            q.append('(').append(pick(vocab, rnd)).append(pick(vocab, rnd)).append(' ').append(pick(vocab, rnd))
                    .append(pick(vocab, rnd)).append(") AND (").append(pick(vocab, rnd)).append(' ')
                    .append(pick(vocab, rnd)).append(')');
        }
        return q.toString().strip();
    }

    private static String pick(List<String> vocab, Random rnd) {
        return vocab.get(rnd.nextInt(vocab.size()));
    }

    private static List<String> sentences() throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = java.nio.file.Files.newBufferedReader(Path.of(de.wachposten.rules.GermEvalEvaluation.TRAINING_FILE), StandardCharsets.UTF_8)) {
            for (String l; (l = r.readLine()) != null; ) {
                for (String s : l.split("\t")[0].replace("|LBR|", " ").split("(?<=[.!?])\\s+")) {
                    if (s.length() > 15) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> vocabulary(List<String> sentences) {
        Set<String> words = new TreeSet<>();
        for (String p : sentences) {
            for (String w : p.split("[^\\p{L}]+")) {
                if (w.length() >= 6) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ArrayList<>(words);
    }

    /** Counts the lines written and keeps the last one (the summary). */
    private static final class CountingStream extends OutputStream {
        private final StringBuilder line = new StringBuilder();
        long count;
        String last = "";

        @Override
        public void write(int b) {
            if (b == '\n') {
                count++;
                last = new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                line.setLength(0);
            } else {
                line.append((char) (b & 0xff));
            }
        }
    }
}
