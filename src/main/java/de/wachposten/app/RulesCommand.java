package de.wachposten.app;

import de.wachposten.config.ConfigError;
import de.wachposten.config.ContentSettings;
import de.wachposten.rules.ExampleCheck;
import de.wachposten.rules.LiveRules;
import de.wachposten.rules.RuleLoader;
import de.wachposten.rules.Ruleset;
import de.wachposten.rules.classifier.ClassifierFiles;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
     * The rules half of {@code check}: every load error and failing example of {@code dir}, printed to {@code out}.
     *
     * @return the number of errors; a missing directory is not an error (the daemon runs with an empty ruleset)
     */
    static int check(Path dir, PrintStream out) {
        if (!Files.isDirectory(dir)) {
            out.println(dir + ": warning: rules directory does not exist; content will not be checked");
            return 0;
        }
        List<ConfigError> all = new java.util.ArrayList<>();
        try (Ruleset rs = LiveRules.load(dir, all)) {
            all.stream().sorted().forEach(out::println);
            if (all.isEmpty()) {
                out.println(dir + ": OK (" + rs.size() + " rules)");
            }
            return all.size();
        }
    }
}
