package de.wachposten.app;

import de.wachposten.config.Config;
import de.wachposten.config.ConfigError;
import de.wachposten.config.ContentSettings;
import de.wachposten.model.Severity;
import de.wachposten.report.ReportException;
import de.wachposten.rules.ClassifierVerdict;
import de.wachposten.rules.FlaggedContentDetector;
import de.wachposten.rules.RuleLoader;
import de.wachposten.rules.RuleMatch;
import de.wachposten.rules.Ruleset;
import de.wachposten.rules.classifier.ClassifierFiles;
import de.wachposten.rules.classifier.OffensiveModel;
import de.wachposten.store.Store;
import de.wachposten.store.StoreException;
import de.wachposten.store.StoredPost;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * line. When {@code DIR} holds a classifier model, a post version the classifier flags under its channel's policy
 * (as {@link FlaggedContentDetector} would) gets a line too: rule {@code classifier-offensive}, the driving words and
 * an eighth column with probability and threshold. Nothing is alerted or written. Times as {@code report} reads them; local times are UTC here.
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
        List<ConfigError> modelErrors = new ArrayList<>();
        OffensiveModel model = ClassifierFiles.load(dir, modelErrors);
        if (!modelErrors.isEmpty()) {
            modelErrors.forEach(e -> err.println(e));
            err.println(modelErrors.size() + (modelErrors.size() == 1 ? " error" : " errors"));
            return Cli.INVALID_CONFIG;
        }
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try (Store store = wiring.openExistingStore(config);
             Ruleset ruleset = Ruleset.of(rules.rules(), model)) {
            hunt(store, ruleset, config, pool, from, to);
            return Cli.OK;
        } catch (StoreException e) {
            err.println("wachposten rehunt: " + e.getMessage());
            return Cli.FAILED;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One version with the rules it matches and the classifier's verdict when it flags the version, else null. */
    private record Checked(StoredPost version, List<RuleMatch> matches, ClassifierVerdict verdict) {}

    /** The classifier's verdict under the post's channel policy (defaults for a channel no longer configured). */
    static ClassifierVerdict classify(Ruleset ruleset, Config config, StoredPost v) {
        ContentSettings settings = config.channel(v.post().channelId()).map(c -> c.policy().content())
                .orElse(ContentSettings.DEFAULTS);
        String text = v.post().text();
        return FlaggedContentDetector.flagsByClassifier(ruleset, text, settings)
                ? ClassifierVerdict.of(ruleset, text, settings) : null;
    }

    private void hunt(Store store, Ruleset ruleset, Config config, ForkJoinPool pool, Instant from, Instant to) {
        long start = System.nanoTime();
        long versions = 0;
        long matches = 0;
        long classified = 0;
        Set<String> posts = new HashSet<>();
        Set<String> listed = new HashSet<>();
        Instant listedAt = null;
        List<StoredPost> page = store.versionsPublished(from, to, null, PAGE);
        while (!page.isEmpty()) {
            List<StoredPost> current = page;
            ForkJoinTask<List<Checked>> checked = pool.submit(() -> current.parallelStream()
                    .map(v -> new Checked(v, ruleset.match(v.post().text()), classify(ruleset, config, v))).toList());
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
                if (c.verdict() != null && listed.add(c.version().key() + "\n" + FlaggedContentDetector.CLASSIFIER_RULE)) {
                    out.println(line(c.version(), c.verdict()));
                    matches++;
                    classified++;
                    posts.add(c.version().key());
                }
            }
        }
        String against = ruleset.size() + " rules" + (ruleset.classifier() == null ? "" : " and the classifier");
        String byClassifier = ruleset.classifier() == null ? "" : ", " + classified + " by the classifier";
        out.printf(Locale.ROOT, "rehunt: %d post versions published in [%s, %s) checked against %s: "
                        + "%d matches in %d posts%s (%.1f s)%n", versions, from, to, against, matches,
                posts.size(), byClassifier, (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    /**
     * A classifier line: the rule columns with rule {@value FlaggedContentDetector#CLASSIFIER_RULE}, category
     * {@value FlaggedContentDetector#CLASSIFIER_CATEGORY}, severity medium and the driving words, then an eighth
     * column with the probability and the threshold of the channel's policy.
     */
    private static String line(StoredPost v, ClassifierVerdict c) {
        return String.join("\t", v.post().publishedAt().toString(), v.post().channelId(), v.post().platformId(),
                FlaggedContentDetector.CLASSIFIER_RULE, FlaggedContentDetector.CLASSIFIER_CATEGORY,
                Severity.MEDIUM.wire(), String.join(", ", c.words()),
                "probability " + c.probabilityText() + " (threshold " + c.thresholdText() + ")");
    }

    private static String line(StoredPost v, RuleMatch m) {
        return String.join("\t", v.post().publishedAt().toString(), v.post().channelId(), v.post().platformId(),
                m.rule().id(), m.rule().category(), m.rule().severity().wire(), String.join(", ", m.terms()));
    }
}
