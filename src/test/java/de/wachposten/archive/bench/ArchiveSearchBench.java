package de.wachposten.archive.bench;

import de.wachposten.archive.Archive;
import de.wachposten.archive.ArchiveIndex;
import de.wachposten.model.Post;
import de.wachposten.rules.ArchiveSearch;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import de.wachposten.store.jdbc.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Search latency of the archive's index at scale (not part of {@code mvn test}).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) de.wachposten.archive.bench.ArchiveSearchBench \
 *     index DIR POSTS [THREADS]     # build an index of POSTS synthetic posts (German tweet vocabulary) in DIR
 * java -cp ... ArchiveSearchBench search DIR [QUERIES]   # p50/p99/max of searches over the index in DIR
 * java -cp ... ArchiveSearchBench store DIR POSTS [QUERIES]   # the same end to end: a SQLite store, its index, Archive.find
 * </pre>
 *
 * Posts are drawn from the words of the GermEval 2018 training tweets ({@code training/germeval2018}): 6–30 words
 * each, 50 channels, published over five years. The queries mix frequent and rare words, compounds, two-word
 * conjunctions and phrases, with and without a channel filter and a time range, as the console's search sends them.
 */
public final class ArchiveSearchBench {
    private static final Instant START = Instant.parse("2016-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(5 * 365).toSeconds();
    private static final int CHANNELS = 50;

    private ArchiveSearchBench() {}

    public static void main(String[] args) throws Exception {
        String[] words = vocabulary();
        switch (args[0]) {
            case "index" -> index(Path.of(args[1]), Long.parseLong(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 1, words);
            case "search" -> search(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 2000, words);
            case "store" -> store(Path.of(args[1]), Integer.parseInt(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 500, words);
            default -> throw new IllegalArgumentException("index | search | store");
        }
    }

    private static String[] vocabulary() throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("training/germeval2018/germeval2018.training.txt"))) {
            String text = line.split("\t", 2)[0];
            for (String w : text.split("\\s+")) {
                if (!w.startsWith("@") && !w.startsWith("http") && w.length() > 1) {
                    out.add(w);
                }
            }
        }
        return out.toArray(String[]::new);
    }

    static Post post(long n, String[] words) {
        SplittableRandom r = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        int len = 6 + r.nextInt(25);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < len; i++) {
            text.append(i == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
        }
        String channel = "channel-" + (n % CHANNELS);
        Instant published = START.plusSeconds(r.nextLong(SPAN_SECONDS));
        return new Post(channel, "twitter", Long.toString(n), "https://x.example/" + n, "account", text.toString(),
                published, null, "Twitter Web App", "de", List.of(), published.plusSeconds(20), "{}");
    }

    private static void index(Path dir, long posts, int threads, String[] words) throws Exception {
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        try (ArchiveIndex index = ArchiveIndex.open(dir); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    List<StoredPost> batch = new ArrayList<>(1000);
                    for (long n = thread; n < posts; n += threads) {
                        batch.add(new StoredPost(n + 1, 1, post(n, words), null, true));
                        if (batch.size() == 1000) {
                            index.apply(batch, 0);
                            batch.clear();
                            long d = done.addAndGet(1000);
                            if (d % 500_000 == 0) {
                                System.out.printf(Locale.ROOT, "%,d posts, %.0f s%n", d, (System.nanoTime() - t0) / 1e9);
                            }
                        }
                    }
                    index.apply(batch, 0);
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            index.apply(List.of(), posts);
            index.commit();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "indexed %,d posts in %.0f s (%.0f posts/s, %d threads); %d docs%n",
                    posts, s, posts / s, threads, index.size());
        }
        System.out.printf(Locale.ROOT, "index size on disk: %,d MB%n", size(dir) / (1 << 20));
    }

    private static long size(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Queries as people type them: words of the corpus at several frequencies, combined as the console sends them. */
    static List<String> queries(String[] words, int n) {
        SplittableRandom r = new SplittableRandom(42);
        List<String> out = new ArrayList<>();
        String[] fixed = {"Merkel", "Flüchtlinge", "Pflegeheim", "Polizei", "Asyl", "Sachsen", "Dresden",
            "\"Angela Merkel\"", "Merkel AND Flüchtlinge", "Schule Lehrer", "Ungeziefer", "Regierung", "Deutschland"};
        for (int i = 0; i < n; i++) {
            String q = switch (i % 4) {
                case 0 -> fixed[r.nextInt(fixed.length)];
                case 1 -> clean(words[r.nextInt(words.length)]);
                case 2 -> clean(words[r.nextInt(words.length)]) + " " + clean(words[r.nextInt(words.length)]);
                default -> "\"" + clean(words[r.nextInt(words.length)]) + " " + clean(words[r.nextInt(words.length)])
                        + "\"";
            };
            out.add(q);
        }
        return out;
    }

    private static String clean(String w) {
        String c = w.replaceAll("[^\\p{L}\\p{N}]", "");
        return c.isEmpty() ? "Sachsen" : c;
    }

    private static void search(Path dir, int count, String[] words) throws Exception {
        try (ArchiveIndex index = ArchiveIndex.open(dir)) {
            System.out.printf(Locale.ROOT, "index of %,d posts%n", index.size());
            List<String> qs = queries(words, count);
            SplittableRandom r = new SplittableRandom(7);
            run("warm-up", qs.subList(0, Math.min(200, qs.size())), r, q -> index.find(q.query(), null, null, null,
                    50).size());
            run("all channels", qs, r, q -> index.find(q.query(), null, null, null, 50).size());
            run("5 channels", qs, r, q -> index.find(q.query(), channels(r, 5), null, null, 50).size());
            run("1 channel, one year", qs, r, q -> {
                Instant from = START.plus(Duration.ofDays(r.nextInt(4 * 365)));
                return index.find(q.query(), channels(r, 1), from, from.plus(Duration.ofDays(365)), 50).size();
            });
        }
    }

    private static void store(Path dir, int posts, int count, String[] words) throws Exception {
        Files.createDirectories(dir);
        try (Store store = SqliteStore.open(dir.resolve("bench.db"), Clock.systemUTC())) {
            long t0 = System.nanoTime();
            List<Post> batch = new ArrayList<>();
            for (int n = 0; n < posts; n++) {
                batch.add(post(n, words));
                if (batch.size() == 500 || n == posts - 1) {
                    for (int c = 0; c < CHANNELS; c++) {
                        String ch = "channel-" + c;
                        List<Post> mine = batch.stream().filter(p -> p.channelId().equals(ch)).toList();
                        if (!mine.isEmpty()) {
                            store.ingest(ch, mine, List.of(), "c", true, Instant.now());
                        }
                    }
                    batch.clear();
                }
            }
            System.out.printf(Locale.ROOT, "stored %,d posts in %.0f s%n", posts, (System.nanoTime() - t0) / 1e9);
            try (Archive archive = new Archive(store, ArchiveIndex.open(dir.resolve("index")))) {
                long t1 = System.nanoTime();
                int n = archive.keepUp();
                System.out.printf(Locale.ROOT, "indexed %,d entries from the store in %.0f s%n", n,
                        (System.nanoTime() - t1) / 1e9);
                List<String> qs = queries(words, count);
                SplittableRandom r = new SplittableRandom(7);
                run("warm-up", qs.subList(0, Math.min(100, qs.size())), r,
                        q -> archive.find(q, null, null, null, 50).size());
                run("Archive.find, all channels", qs, r, q -> archive.find(q, null, null, null, 50).size());
                run("Archive.find, 5 channels", qs, r, q -> archive.find(q, channels(r, 5), null, null, 50).size());
            }
        }
    }

    private static List<String> channels(SplittableRandom r, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("channel-" + r.nextInt(CHANNELS));
        }
        return out;
    }

    private interface Search {
        int run(ArchiveSearch q) throws Exception;
    }

    private static void run(String label, List<String> queries, SplittableRandom r, Search search) throws Exception {
        long[] nanos = new long[queries.size()];
        long hits = 0;
        int i = 0;
        for (String text : queries) {
            ArchiveSearch q;
            try {
                q = ArchiveSearch.parse(text);
            } catch (Exception e) {
                q = ArchiveSearch.parse("Sachsen");
            }
            long t = System.nanoTime();
            hits += search.run(q);
            nanos[i++] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-28s %5d searches: p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms (%,d hits)%n",
                label, nanos.length, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                nanos[nanos.length - 1] / 1e6, hits);
    }
}
