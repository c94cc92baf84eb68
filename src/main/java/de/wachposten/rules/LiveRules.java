package de.wachposten.rules;

import de.wachposten.config.ConfigError;
import de.wachposten.rules.classifier.ClassifierFiles;
import de.wachposten.rules.classifier.OffensiveModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active ruleset of a rules directory, swapped atomically on reload, with the classifier model
 * {@code classifier/model-v1.bin} when the directory has one (a model that does not load is an error like a broken
 * rule).
 *
 * <p>At start the valid rules load even when some files are broken (each error logged at WARN as
 * {@code file:line: message}); a missing directory gives an empty ruleset and a warning. A {@link #reload} that finds
 * any error (including a failing example) keeps the previous ruleset active. Metrics:
 * {@code wachposten_rules_reload_total{result="ok|failed"}} and the gauge {@code wachposten_rules_active}.
 */
public final class LiveRules {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    private final Path dir;
    private final AtomicReference<Ruleset> active = new AtomicReference<>();
    private final Counter reloadOk;
    private final Counter reloadFailed;
    private final List<Ruleset> retired = new ArrayList<>();
    private volatile ReloadListener listener = (ok, rules, errors) -> { };

    /** Told of every reload, on the reloading thread (the daemon writes it to the audit log). */
    @FunctionalInterface
    public interface ReloadListener {
        /**
         * @param ok     true when the new ruleset is active
         * @param rules  the number of rules active after the reload
         * @param errors the load and example errors as {@code file:line: message}; empty when ok
         */
        void reloaded(boolean ok, int rules, List<String> errors);
    }

    /** Loads {@code dir} now and registers the metrics in {@code registry}. */
    public LiveRules(Path dir, MeterRegistry registry) {
        this.dir = dir;
        this.reloadOk = Counter.builder("wachposten.rules.reload").tag("result", "ok")
                .description("reloads of the rules directory").register(registry);
        this.reloadFailed = Counter.builder("wachposten.rules.reload").tag("result", "failed")
                .description("reloads of the rules directory").register(registry);
        Gauge.builder("wachposten.rules.active", this, l -> l.current().size())
                .description("rules in the active ruleset").register(registry);
        active.set(initial());
    }

    /** Sets the listener told of every later reload. */
    public void listen(ReloadListener l) {
        this.listener = l;
    }

    /** The directory watched. */
    public Path dir() {
        return dir;
    }

    /** The ruleset in use now. */
    public Ruleset current() {
        return active.get();
    }

    private Ruleset initial() {
        if (!Files.isDirectory(dir)) {
            LOG.warn("rules directory {} does not exist: content is not checked (empty ruleset)", dir);
            return Ruleset.empty();
        }
        List<ConfigError> errors = new ArrayList<>();
        Ruleset rs = load(dir, errors);
        errors.forEach(e -> LOG.warn("{}", e));
        LOG.info("loaded {} rules{} from {}{}", rs.size(), rs.classifier() == null ? "" : " and the classifier", dir,
                errors.isEmpty() ? "" : " (" + errors.size() + " errors)");
        return rs;
    }

    /**
     * Loads the directory again; swaps the new ruleset in only when it has no error.
     *
     * @return true when the new ruleset is active
     */
    public synchronized boolean reload() {
        closeRetired();
        List<ConfigError> errors = new ArrayList<>();
        Ruleset rs = load(dir, errors);
        if (!errors.isEmpty()) {
            errors.forEach(e -> LOG.warn("{}", e));
            LOG.warn("rules in {} not reloaded ({} errors): the previous {} rules stay active", dir, errors.size(),
                    current().size());
            rs.close();
            reloadFailed.increment();
            tell(false, current().size(), errors);
            return false;
        }
        retired.add(active.getAndSet(rs));
        reloadOk.increment();
        LOG.info("reloaded {} rules from {}", rs.size(), dir);
        tell(true, rs.size(), List.of());
        return true;
    }

    /**
     * The rules and classifier model of {@code dir}; load errors and failing rule examples go to {@code errors}.
     */
    public static Ruleset load(Path dir, List<ConfigError> errors) {
        RuleLoader.Result r = RuleLoader.load(dir);
        errors.addAll(r.errors());
        OffensiveModel model = ClassifierFiles.load(dir, errors);
        Ruleset rs = Ruleset.of(r.rules(), model);
        errors.addAll(ExampleCheck.run(rs));
        return rs;
    }

    private void tell(boolean ok, int rules, List<ConfigError> errors) {
        try {
            listener.reloaded(ok, rules, errors.stream().map(ConfigError::toString).toList());
        } catch (RuntimeException e) {
            LOG.error("recording the rules reload failed: {}", e.toString());
        }
    }

    /** Closes rulesets replaced by an earlier reload (a post being matched at the swap has finished by now). */
    private void closeRetired() {
        retired.forEach(Ruleset::close);
        retired.clear();
    }

    /** Closes the active and retired rulesets. */
    public synchronized void close() {
        closeRetired();
        current().close();
    }
}
