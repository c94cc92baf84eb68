package de.wachposten.app;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ConfigError;
import de.wachposten.config.ContentSettings;
import de.wachposten.rules.ClassifierVerdict;
import de.wachposten.rules.ExampleCheck;
import de.wachposten.rules.FlaggedContentDetector;
import de.wachposten.rules.LiveRules;
import de.wachposten.rules.Rule;
import de.wachposten.rules.RuleLoader;
import de.wachposten.rules.RuleMatch;
import de.wachposten.rules.Ruleset;
import de.wachposten.rules.classifier.ClassifierFiles;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** {@code rules test [DIR]} and the rules half of {@code check}: load a rules directory and run every example. */
final class RulesCommand {
    private RulesCommand() {
    }

    /** {@code rules test [DIR]}: exit 0 all good, 1 an example fails, 2 a rule does not load, 64 usage. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.getFirst().equals("test") || args.size() > 2) {
            err.println("usage: wachposten rules test [DIR]");
            return Cli.USAGE;
        }
        Path dir = Path.of(args.size() == 2 ? args.get(1) : "rules");
        if (!Files.isDirectory(dir)) {
            err.println("wachposten: rules directory " + dir + " does not exist");
            return Cli.INVALID_CONFIG;
        }
        RuleLoader.Result r = RuleLoader.load(dir);
        r.errors().forEach(out::println);
        List<ConfigError> modelErrors = new java.util.ArrayList<>();
        try (Ruleset rs = Ruleset.of(r.rules(), ClassifierFiles.load(dir, modelErrors))) {
            modelErrors.forEach(out::println);
            List<ConfigError> failures = ExampleCheck.run(rs);
            failures.stream().sorted().forEach(out::println);
            out.println(dir + ": " + rs.size() + " rules, " + ExampleCheck.count(rs) + " examples, "
                    + r.errors().size() + " load errors, " + failures.size() + " failing examples");
            if (rs.classifier() != null) {
                ClassifierFiles.ExampleReport c = ClassifierFiles.check(dir, rs.classifier(),
                        ContentSettings.DEFAULT_THRESHOLD);
                c.errors().forEach(out::println);
                c.disagreements().forEach(e -> out.println(e + " (informative)"));
                out.println(dir + ": classifier " + dir.resolve(ClassifierFiles.MODEL) + ", " + c.examples()
                        + " labelled examples, " + c.disagreements().size() + " labelled otherwise at threshold "
                        + ContentSettings.DEFAULT_THRESHOLD);
                classifierOnRuleExamples(dir, rs, out);
                if (!c.errors().isEmpty()) {
                    return Cli.INVALID_CONFIG;
                }
            }
            if (!r.errors().isEmpty() || !modelErrors.isEmpty()) {
                return Cli.INVALID_CONFIG;
            }
            return failures.isEmpty() ? Cli.OK : Cli.FAILED;
        }
    }

    /**
     * The classifier's verdict (default settings) on the rules' own examples, informative: every {@code no_match}
     * example it would flag anyway (the post would still raise {@code flagged_content}), as {@code file:line:}, and
     * how many {@code match} examples of offensive rules it flags too.
     */
    private static void classifierOnRuleExamples(Path dir, Ruleset rs, PrintStream out) {
        int offensive = 0;
        int offensiveFlagged = 0;
        int noMatch = 0;
        List<String> loud = new java.util.ArrayList<>();
        for (Rule r : rs.rules()) {
            if (FlaggedContentDetector.OFFENSIVE_CATEGORIES.contains(r.category())) {
                for (Rule.Example e : r.match()) {
                    offensive++;
                    offensiveFlagged += ClassifierVerdict.of(rs, e.text(), ContentSettings.DEFAULTS).flags() ? 1 : 0;
                }
            }
            for (Rule.Example e : r.noMatch()) {
                noMatch++;
                ClassifierVerdict v = ClassifierVerdict.of(rs, e.text(), ContentSettings.DEFAULTS);
                if (v.flags()) {
                    loud.add(new ConfigError(r.file(), e.line(), "rule " + r.id()
                            + ": no_match example still raises flagged_content by the " + v.summary()) + " (informative)");
                }
            }
        }
        loud.forEach(out::println);
        out.println(dir + ": classifier on the rules' examples at threshold " + ContentSettings.DEFAULT_THRESHOLD + ": "
                + offensiveFlagged + " of " + offensive + " match examples of offensive rules flagged, " + loud.size()
                + " of " + noMatch + " no_match examples flagged");
    }

    /**
     * The rules half of {@code check}: every load error and failing example of {@code dir}, printed to {@code out}.
     *
     * @return the number of errors; a missing directory is not an error (the daemon runs with an empty ruleset)
     */
    static int check(Path dir, PrintStream out) {
        return check(dir, out, rs -> { });
    }

    /**
     * As {@link #check(Path, PrintStream)}, then hands the loaded ruleset (empty for a missing directory) to
     * {@code then} when there was no error.
     */
    static int check(Path dir, PrintStream out, Consumer<Ruleset> then) {
        if (!Files.isDirectory(dir)) {
            out.println(dir + ": warning: rules directory does not exist; content will not be checked");
            try (Ruleset rs = Ruleset.empty()) {
                then.accept(rs);
            }
            return 0;
        }
        List<ConfigError> all = new java.util.ArrayList<>();
        try (Ruleset rs = LiveRules.load(dir, all)) {
            all.stream().sorted().forEach(out::println);
            if (all.isEmpty()) {
                out.println(dir + ": OK (" + rs.size() + " rules"
                        + (rs.classifier() == null ? ", no classifier model" : ", classifier " + dir.resolve(
                                ClassifierFiles.MODEL)) + ")");
                then.accept(rs);
            }
            return all.size();
        }
    }

    /**
     * The content half of {@code check --text}: which rules match {@code text} and what the classifier says under
     * the content settings of {@code channel}'s policy (the defaults when {@code channel} is null), printed as
     * {@code flagged_content} would be raised. Nothing is stored, no alert is raised.
     */
    static void checkText(Ruleset rs, String text, ChannelConfig channel, PrintWriter out) {
        ContentSettings settings = channel == null ? ContentSettings.DEFAULTS : channel.policy().content();
        List<RuleMatch> matches = rs.match(text);
        ClassifierVerdict verdict = ClassifierVerdict.of(rs, text, settings);
        boolean flagged = !matches.isEmpty() || verdict != null && verdict.flags();
        String where = channel == null ? "the default content settings"
                : "channel " + channel.id() + (channel.policyName() == null ? "" : " (policy " + channel.policyName() + ")");
        out.println("text checked for " + where + ": " + (flagged ? "raises flagged_content" : "no flagged_content"));
        if (matches.isEmpty()) {
            out.println("  rules: no rule matches");
        }
        for (RuleMatch m : matches) {
            out.println("  rule " + m.rule().id() + " (" + m.rule().category() + ", " + m.rule().severity().wire()
                    + "): " + m.rule().title() + (m.terms().isEmpty() ? "" : "; matched: " + String.join(", ", m.terms())));
        }
        out.println("  " + (verdict == null ? "classifier: no model in the rules directory" : verdict.summary()));
    }
}
