package de.wachposten.app;

import de.wachposten.archive.Archive;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.config.ConfigError;
import de.wachposten.config.ConfigException;
import de.wachposten.config.ConfigLoader;
import de.wachposten.demo.Demo;
import de.wachposten.store.AuditCheck;
import de.wachposten.store.Store;
import de.wachposten.store.StoreException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The command line: parses the arguments, runs one command, returns the exit code. 0 success, 1 failure, 2 invalid
 * config (every error printed as {@code file:line: message}), 64 usage error.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID_CONFIG = 2;
    public static final int USAGE = 64;
    /** Returned when the command ended because the JVM is shutting down (signal): the caller must not exit again. */
    public static final int SHUTTING_DOWN = -1;

    private static final String USAGE_TEXT = """
            usage: wachposten <command> [options]

              run --config FILE            run the daemon
              check --config FILE [--text TEXT [--channel ID]]
                                           validate the config; exit 2 with every error as file:line: message;
                                           with --text, show which rules and whether the classifier would raise
                                           flagged_content on TEXT under ID's policy (default settings without ID)
              demo [--exit-when-done] [--sinks FILE]
                                           replay the morning of 8 January 2016 against the built-in simulator;
                                           FILE adds an smtp block and sinks for the SMS press office
              token                        print a new API token and the hash to put in the config
              verify-audit --config FILE   check the audit log's hash chain
              rebuild-index --config FILE  rebuild the archive's search index from the store (daemon stopped)
              report --config FILE --channel ID --from T --to T [--format md|html|json]
                                           the incident timeline of one channel over a span
              rehunt --config FILE --rules DIR --from T --to T
                                           list what a ruleset would have matched in the archive
              rules test [DIR]             run every rule's examples and the classifier's (default dir: rules)
              train --data DIR --out FILE [--examples FILE] [--seed N]
                                           train the offensive-language classifier (e.g. --data training
                                           --out rules/classifier/model-v1.bin); same data and seed, same bytes
              import-plan --config FILE [--approver ID] PLAN.csv|PLAN.ics
                                           import an editorial plan as approvals (all or nothing)
              migrate-store --from FILE --to FILE
                                           copy the store of one config into the empty store of another
                                           (SQLite to PostgreSQL or back), audit chain included
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Wiring wiring;

    public Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, Wiring.defaults());
    }

    /** A command line whose commands get their store and clock from {@code wiring}. */
    public Cli(PrintStream out, PrintStream err, Map<String, String> env, Wiring wiring) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.wiring = wiring;
    }

    /** Runs the command in {@code args}; returns the exit code. */
    public int execute(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "run" -> withConfig(rest, this::run);
            case "check" -> withConfig(rest, c -> check(c, rest));
            case "verify-audit" -> withConfig(rest, this::verifyAudit);
            case "rebuild-index" -> withConfig(rest, this::rebuildIndex);
            case "token" -> TokenCommand.run(out);
            case "demo" -> Demo.command(rest.contains("--exit-when-done"), option(rest, "--sinks").map(Path::of).orElse(null),
                    out, err);
            case "report" -> withConfig(rest, file -> report(file, rest));
            case "rules" -> RulesCommand.run(rest, out, err);
            case "train" -> TrainCommand.run(options(rest, "--data", "--out", "--examples", "--seed"), out, err);
            case "import-plan" -> withConfig(rest, c -> importPlan(c, rest));
            case "rehunt" -> withConfig(rest, file -> rehunt(file, rest));
            case "migrate-store" -> migrateStore(rest);
            default -> {
                err.println("wachposten: unknown command '" + args[0] + "'");
                err.print(USAGE_TEXT);
                yield USAGE;
            }
        };
    }

    private interface ConfigCommand {
        int run(Path config);
    }

    private int withConfig(List<String> args, ConfigCommand cmd) {
        Optional<Path> file = option(args, "--config").map(Path::of);
        if (file.isEmpty()) {
            err.println("wachposten: --config FILE is required");
            return USAGE;
        }
        return cmd.run(file.get());
    }

    private static Map<String, String> options(List<String> args, String... names) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String n : names) {
            option(args, n).ifPresent(v -> out.put(n, v));
        }
        return out;
    }

    private static Optional<String> option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (args.get(i).startsWith(name + "=")) {
                return Optional.of(args.get(i).substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    private int check(Path file, List<String> args) {
        Optional<String> text = option(args, "--text");
        Optional<String> channelId = option(args, "--channel");
        if (channelId.isPresent() && text.isEmpty()) {
            err.println("wachposten check: --channel ID needs --text TEXT");
            return USAGE;
        }
        try {
            ConfigLoader.Result r = ConfigLoader.read(file, env);
            r.warnings().forEach(out::println);
            Config c = r.config();
            ChannelConfig channel = channelId.flatMap(c::channel).orElse(null);
            if (channelId.isPresent() && channel == null) {
                err.println("wachposten check: unknown channel '" + channelId.get() + "' (known: " + String.join(", ",
                        c.channels().stream().map(ChannelConfig::id).toList()) + ")");
                return USAGE;
            }
            StringWriter verdict = new StringWriter();
            int ruleErrors = RulesCommand.check(c.rulesDir(), out, rs -> text.ifPresent(t -> RulesCommand.checkText(rs,
                    t, channel, new PrintWriter(verdict, true))));
            if (ruleErrors > 0) {
                out.println(ruleErrors + (ruleErrors == 1 ? " error" : " errors"));
                return INVALID_CONFIG;
            }
            out.println(file + ": OK (" + c.channels().size() + " channels, " + c.offices().size() + " offices, "
                    + c.users().size() + " users, " + c.policies().size() + " policies)");
            out.print(verdict);
            out.flush();
            return OK;
        } catch (ConfigException e) {
            printErrors(e, out);
            return INVALID_CONFIG;
        }
    }

    private void printErrors(ConfigException e, PrintStream to) {
        List<ConfigError> errors = new ArrayList<>(e.errors());
        errors.forEach(to::println);
        to.println(errors.size() + (errors.size() == 1 ? " error" : " errors"));
    }

    private int run(Path file) {
        Config config;
        try {
            ConfigLoader.Result r = ConfigLoader.read(file, env);
            r.warnings().forEach(err::println);
            config = r.config();
        } catch (ConfigException e) {
            printErrors(e, err);
            err.println("wachposten: not started: the config has errors");
            return INVALID_CONFIG;
        }
        Daemon daemon;
        try {
            daemon = Daemon.start(config, wiring).await(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            err.println("wachposten: not started: " + describe(e));
            return FAILED;
        }
        return runUntilSignal(daemon);
    }

    /** What went wrong, in words: the first message along the chain of causes, else the exception's type. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t == e ? t.getMessage() : t.getMessage() + " (" + e.getClass().getSimpleName() + ")";
            }
        }
        return e.toString();
    }

    /** Blocks until the JVM shuts down (SIGTERM, Ctrl+C), then stops the daemon cleanly. */
    public static int runUntilSignal(Daemon daemon) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                daemon.stop().await(20, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // shutting down anyway
            } finally {
                stopped.countDown();
            }
        }, "wachposten-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SHUTTING_DOWN;
    }

    private int report(Path file, List<String> args) {
        Config config;
        try {
            config = ConfigLoader.load(file, env);
        } catch (ConfigException e) {
            printErrors(e, err);
            return INVALID_CONFIG;
        }
        Map<String, String> options = new java.util.HashMap<>();
        for (String name : List.of("channel", "from", "to", "format")) {
            option(args, "--" + name).ifPresent(v -> options.put(name, v));
        }
        return new ReportCommand(out, err, wiring).run(config, options);
    }

    private int rehunt(Path file, List<String> args) {
        Config config;
        try {
            config = ConfigLoader.load(file, env);
        } catch (ConfigException e) {
            printErrors(e, err);
            return INVALID_CONFIG;
        }
        Map<String, String> options = new java.util.HashMap<>();
        for (String name : List.of("rules", "from", "to")) {
            option(args, "--" + name).ifPresent(v -> options.put(name, v));
        }
        return new RehuntCommand(out, err, wiring).run(config, options);
    }

    private int importPlan(Path file, List<String> args) {
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--config") || args.get(i).equals("--approver")) {
                i++;
            } else if (!args.get(i).startsWith("--")) {
                plans.add(args.get(i));
            }
        }
        if (plans.size() != 1) {
            err.println("wachposten: import-plan needs one plan file (PLAN.csv or PLAN.ics)");
            return USAGE;
        }
        try {
            Config config = ConfigLoader.load(file, env);
            return ImportPlanCommand.run(config, Path.of(plans.get(0)), option(args, "--approver").orElse(null),
                    wiring, out, err);
        } catch (ConfigException e) {
            printErrors(e, err);
            return INVALID_CONFIG;
        }
    }

    private int migrateStore(List<String> args) {
        Optional<String> from = option(args, "--from");
        Optional<String> to = option(args, "--to");
        if (from.isEmpty() || to.isEmpty()) {
            err.println("wachposten: migrate-store needs --from FILE and --to FILE");
            return USAGE;
        }
        Config source;
        Config target;
        try {
            source = ConfigLoader.load(Path.of(from.get()), env);
            target = ConfigLoader.load(Path.of(to.get()), env);
        } catch (ConfigException e) {
            printErrors(e, err);
            return INVALID_CONFIG;
        }
        return MigrateStoreCommand.run(source, target, wiring, out, err);
    }

    private int verifyAudit(Path file) {
        Config config;
        try {
            config = ConfigLoader.load(file, env);
        } catch (ConfigException e) {
            printErrors(e, err);
            return INVALID_CONFIG;
        }
        try (Store store = wiring.openExistingStore(config)) {
            AuditCheck c = store.verifyAudit();
            if (c.ok()) {
                out.println(config.store().describe() + ": audit log intact (" + c.records() + " records)");
                return OK;
            }
            out.println(config.store().describe() + ": audit log damaged at record " + c.firstBad() + ": " + c.problem());
            return FAILED;
        } catch (StoreException e) {
            err.println("wachposten: " + e.getMessage());
            return FAILED;
        }
    }

    private int rebuildIndex(Path file) {
        Config config;
        try {
            config = ConfigLoader.load(file, env);
        } catch (ConfigException e) {
            printErrors(e, err);
            return INVALID_CONFIG;
        }
        try (Store store = wiring.openExistingStore(config);
             Archive archive = wiring.openArchive(config, store)) {
            int n = archive.rebuild();
            out.println(Wiring.indexPath(config) + ": archive index rebuilt (" + n + " entries, audit position "
                    + archive.position() + ")");
            return OK;
        } catch (StoreException | java.io.UncheckedIOException e) {
            err.println("wachposten: " + e.getMessage());
            return FAILED;
        }
    }
}
