package de.wachposten.app;

import de.wachposten.config.Config;
import de.wachposten.config.ConfigError;
import de.wachposten.report.ReportException;
import de.wachposten.rules.RuleLoader;
import de.wachposten.rules.RuleMatch;
import de.wachposten.rules.Ruleset;
import de.wachposten.store.Store;
import de.wachposten.store.StoreException;
import de.wachposten.store.StoredPost;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * {@code rehunt --config FILE --rules DIR --from T --to T}: runs the ruleset of {@code DIR} over every archived version
 * of the posts published in {@code [from, to)} and prints what would have matched, one line per post and rule
 * (tab-separated: published time, channel, post id, rule id, category, severity, matched words), then a summary
 * line. Nothing is alerted or written. Times as {@code report} reads them; local times are UTC here.
 *
 * <p>Versions are read in pages on the calling thread; each page is matched on all cores (a fork-join pool of one
 * thread per core) while the next page is read. A rule matching several versions of one post is listed once, for the first.
 */
final class RehuntCommand {
    /** Versions read per page. */
    static final int PAGE = 2_000;

    private final PrintStream out;
    private final PrintStream err;
    private final Wiring wiring;

    RehuntCommand(PrintStream out, PrintStream err, Wiring wiring) {
        this.out = out;
        this.err = err;
        this.wiring = wiring;
    }

    /** Runs on a loaded config; {@code options} maps option name (without dashes) to value. */
    int run(Config config, Map<String, String> options) {
        if (options.get("rules") == null || options.get("from") == null || options.get("to") == null) {
            err.println("wachposten rehunt: --rules DIR, --from T and --to T are required");
            return Cli.USAGE;
        }
        Instant from;
        Instant to;
        try {
            from = ReportCommand.parseTime("--from", options.get("from"), ZoneOffset.UTC);
            to = ReportCommand.parseTime("--to", options.get("to"), ZoneOffset.UTC);
        } catch (ReportException e) {
            err.println("wachposten rehunt: " + e.getMessage());
            return Cli.USAGE;
        }
        if (!to.isAfter(from)) {
            err.println("wachposten rehunt: --to " + to + " is not after --from " + from);
            return Cli.USAGE;
        }
        Path dir = Path.of(options.get("rules"));
        RuleLoader.Result rules = RuleLoader.load(dir);
        if (!rules.errors().isEmpty()) {
            rules.errors().forEach(e -> err.println(e));
            err.println(rules.errors().size() + (rules.errors().size() == 1 ? " error" : " errors"));
            return Cli.INVALID_CONFIG;
        }
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try (Store store = wiring.openExistingStore(config);
             Ruleset ruleset = Ruleset.of(rules.rules())) {
            hunt(store, ruleset, pool, from, to);
            return Cli.OK;
        } catch (StoreException e) {
            err.println("wachposten rehunt: " + e.getMessage());
            return Cli.FAILED;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Checked(StoredPost version, List<RuleMatch> matches) {}

    private void hunt(Store store, Ruleset ruleset, ForkJoinPool pool, Instant from, Instant to) {
        long start = System.nanoTime();
        long versions = 0;
        long matches = 0;
        Set<String> posts = new HashSet<>();
        Set<String> listed = new HashSet<>();
        Instant listedAt = null;
        List<StoredPost> page = store.versionsPublished(from, to, null, PAGE);
        while (!page.isEmpty()) {
            List<StoredPost> current = page;
            ForkJoinTask<List<Checked>> checked = pool.submit(() -> current.parallelStream()
                    .map(v -> new Checked(v, ruleset.match(v.post().text()))).toList());
            page = store.versionsPublished(from, to, current.getLast(), PAGE);
            for (Checked c : checked.join()) {
                versions++;
                Instant published = c.version().post().publishedAt();
                if (!published.equals(listedAt)) {
                    listed.clear();
                    listedAt = published;
                }
                for (RuleMatch m : c.matches()) {
                    if (listed.add(c.version().key() + "\n" + m.rule().id())) {
                        out.println(line(c.version(), m));
                        matches++;
                        posts.add(c.version().key());
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "rehunt: %d post versions published in [%s, %s) checked against %d rules: "
                        + "%d matches in %d posts (%.1f s)%n", versions, from, to, ruleset.size(), matches,
                posts.size(), (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    private static String line(StoredPost v, RuleMatch m) {
        return String.join("\t", v.post().publishedAt().toString(), v.post().channelId(), v.post().platformId(),
                m.rule().id(), m.rule().category(), m.rule().severity().wire(), String.join(", ", m.terms()));
    }
}
