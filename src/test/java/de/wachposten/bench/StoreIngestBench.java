package de.wachposten.bench;

import de.wachposten.model.Post;
import de.wachposten.store.Store;
import de.wachposten.store.jdbc.PostgresOptions;
import de.wachposten.store.jdbc.PostgresStore;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Harness (not part of the test run): durable ingest through {@code Store.ingest} on SQLite and on PostgreSQL, posts
 * per second. Each call is one poll's outcome (a batch of new posts of one channel, the cursor, a successful poll)
 * in one committed transaction, as the pipeline makes it; each post gets its audit record. SQLite runs with
 * {@code synchronous = FULL} in WAL mode, PostgreSQL with its defaults ({@code fsync}, {@code synchronous_commit}
 * on), on a throwaway cluster of the test kit. Callers run on {@code threads} threads (the pipeline ingests on
 * Vert.x worker threads), each with its own channels.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> de.wachposten.bench.StoreIngestBench
 * [posts per run, default 20000] [batch, default 20] [threads, default 1 and 4]}.
 */
public final class StoreIngestBench {
    private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");
    private static final String TEXT = "Heute informiert das Sächsische Staatsministerium über die neuen Regeln für"
            + " den Winterdienst auf Landesstraßen. Details und Ansprechpartner finden Sie auf unserer Seite.";

    private StoreIngestBench() {}

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Integer> threadCounts = args.length > 2 ? List.of(Integer.parseInt(args[2])) : List.of(1, 4);
        Clock clock = Clock.systemUTC();
        for (int threads : threadCounts) {
            Path dir = Files.createTempDirectory("ingest-bench");
            try (Store sqlite = SqliteStore.open(dir.resolve("store.db"), clock)) {
                report("sqlite", posts, batch, threads, run(sqlite, posts, batch, threads));
            }
            String url = PostgresServer.get().createDatabase();
            try (Store pg = PostgresStore.open(new PostgresOptions(url, PostgresServer.USER, null,
                    Math.max(2, threads), Duration.ofSeconds(10), Duration.ofSeconds(60)), false, clock)) {
                report("postgresql", posts, batch, threads, run(pg, posts, batch, threads));
            }
        }
        System.exit(0);
    }

    private static void report(String store, int posts, int batch, int threads, Duration took) {
        System.out.printf(Locale.ROOT, "%-10s posts=%d batch=%d threads=%d: %.2f s, %.0f posts/s%n", store, posts,
                batch, threads, took.toNanos() / 1e9, posts / (took.toNanos() / 1e9));
    }

    /** Ingests {@code posts} posts in batches of {@code batch} from {@code threads} threads; the wall time. */
    private static Duration run(Store store, int posts, int batch, int threads) throws Exception {
        // a warm-up of one batch per thread, not counted
        for (int t = 0; t < threads; t++) {
            store.ingest("warm-" + t, batch("warm-" + t, 0, batch), List.of(), "c", false, T0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int perThread = posts / threads;
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                int channels = 50;
                for (int n = 0; n < perThread; n += batch) {
                    String channel = "ch-" + thread + "-" + (n / batch % channels);
                    store.ingest(channel, batch(channel, n, Math.min(batch, perThread - n)), List.of(), "c" + n,
                            false, T0.plusSeconds(n));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long took = System.nanoTime() - start;
        pool.shutdown();
        return Duration.ofNanos(took);
    }

    private static List<Post> batch(String channel, int from, int size) {
        List<Post> out = new ArrayList<>(size);
        for (int i = from; i < from + size; i++) {
            Instant at = T0.plusSeconds(i);
            out.add(new Post(channel, "mastodon", channel + "-" + i, "https://social.example/@sms/" + i, "SMS_Sachsen",
                    TEXT + " (" + i + ")", at, null, "Web", "de", List.of("https://www.sms.sachsen.de/"), at,
                    "{\"id\":\"" + i + "\",\"content\":\"" + TEXT + "\",\"replies_count\":0}"));
        }
        return out;
    }
}
