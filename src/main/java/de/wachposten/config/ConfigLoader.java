package de.wachposten.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the YAML config file into a validated, immutable {@link Config}.
 *
 * <p>The loader walks SnakeYAML's node tree by hand, so every error carries the line of the key or value at fault. It
 * does not stop at the first error: it collects every one and throws a single {@link ConfigException} listing them in
 * line order, each as {@code file:line: message}. {@code ${ENV_VAR}} references are replaced in every string value;
 * secrets whose variable is unset become {@link Secret#unset} with a warning instead of an error, so that {@code check}
 * can run without the production environment.
 */
public final class ConfigLoader {
    static final List<String> TOP_KEYS =
            List.of("server", "store", "rules", "smtp", "policies", "offices", "users", "channels", "archive",
                    "offboarding", "auth", "cluster");
    static final String DURATION_FORM = "expected a whole number followed by ms, s, m, h or d, e.g. 60s";
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    /**
     * The outcome of a successful read.
     *
     * @param config   the validated config
     * @param warnings problems that do not stop the daemon, e.g. a secret whose environment variable is not set
     */
    public record Result(Config config, List<ConfigError> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private ConfigLoader() {
    }

    /**
     * Reads, substitutes {@code ${ENV}}, validates; throws ConfigException listing EVERY error found.
     *
     * @param file the config file; messages name it as given
     * @param env  the environment to substitute from (usually {@code System.getenv()})
     * @throws ConfigException with every error, sorted by line; nothing else is thrown
     */
    public static Result read(Path file, Map<String, String> env) throws ConfigException {
        Problems problems = new Problems(file);
        Config config = null;
        try {
            Node root = compose(file, problems);
            if (problems.count() == 0) {
                config = build(file, root, problems, env);
            }
        } catch (RuntimeException e) {
            // a bug in the loader must still come out as a config error, not as a crash of 'check'
            problems.error(1, "cannot read config: " + e);
        }
        if (problems.count() > 0 || config == null) {
            throw new ConfigException(problems.errors());
        }
        return new Result(config, problems.warnings());
    }

    /** Like {@link #read} but returns only the config; warnings are dropped. */
    public static Config load(Path file, Map<String, String> env) throws ConfigException {
        return read(file, env).config();
    }

    /**
     * Parses a duration such as {@code "30s"}, {@code "5m"}, {@code "1h"}, {@code "500ms"} or {@code "2d"}: a whole
     * number followed by one unit, no spaces.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Duration parseDuration(String s) {
        Matcher m = DURATION.matcher(s == null ? "" : s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration '" + s + "' (" + DURATION_FORM + ")");
        }
        try {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("bad duration '" + s + "' (too long)");
        }
    }

    /** The largest config file read, in characters (SnakeYAML's default of 3 MiB is too small for large fleets). */
    static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    /** Reads and parses the file into a node tree; null for an empty file. Problems are recorded. */
    private static Node compose(Path file, Problems problems) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            problems.error(1, "cannot read file: " + reason(e));
            return null;
        }
        try {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_CODE_POINTS); // a fleet of 30,000 channels is about 6 MB of YAML
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            if (problem != null && problem.startsWith("but ") && e.getContext() != null) {
                // e.g. "expected a single document in the stream" + "but found another document"
                problem = e.getContext() + " " + problem;
            }
            problems.error(mark == null ? 1 : mark.getLine() + 1, visible(problem));
        } catch (YAMLException e) {
            problems.error(1, visible(e.getMessage()));
        }
        return null;
    }

    /** The parser's text with control characters (it quotes tabs as they are) written as escapes. */
    private static String visible(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(s).toCharArray()) {
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file";
            case AccessDeniedException x -> "permission denied";
            case MalformedInputException x -> "not valid UTF-8";
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }

    /** Walks the tree, top-level blocks first, then the lists that refer to them. */
    private static Config build(Path file, Node root, Problems problems, Map<String, String> env) {
        YamlMap top = root == null ? null : YamlMap.of(root, "the file", "the top level", problems, env);
        if (top == null) {
            if (root == null) {
                problems.error(1, "the file is empty (expected the keys " + Nodes.alternatives(TOP_KEYS) + ")");
            }
            return null;
        }
        top.checkKeys(TOP_KEYS);
        Config.Server server = ServiceParser.server(child(top, "server"));
        Config.Store store = ServiceParser.store(child(top, "store"));
        Path rulesDir = ServiceParser.rulesDir(child(top, "rules"));
        Config.Smtp smtp = top.has("smtp") ? ServiceParser.smtp(child(top, "smtp")) : null;
        Config.Archive archive = ArchiveParser.archive(child(top, "archive"));
        Config.Offboarding offboarding = OffboardingParser.offboarding(child(top, "offboarding"));
        Config.Oidc oidc = AuthParser.oidc(child(top, "auth"));
        Config.Cluster cluster = ClusterParser.cluster(child(top, "cluster"));
        Set<String> policyNames = new LinkedHashSet<>();
        YamlMap policiesBlock = child(top, "policies");
        Map<String, Policy> policies = policiesBlock == null ? Map.of()
                : PolicyParser.parseAll(policiesBlock, policyNames);
        IdRegistry officeIds = new IdRegistry("office", IdRegistry.SLUG);
        List<Office> offices = OfficeParser.parseAll(top, officeIds, top.has("smtp"));
        IdRegistry userIds = new IdRegistry("user", null);
        List<User> users = UserParser.parseAll(top, userIds, officeIds);
        ChannelParser.Refs refs = new ChannelParser.Refs(officeIds, userIds, policies, policyNames);
        List<ChannelConfig> channels = ChannelParser.parseAll(top, new IdRegistry("channel", IdRegistry.SLUG), refs);
        if (problems.count() > 0) {
            return null;
        }
        return new Config(file, server, store, rulesDir, smtp, policies, offices, users, channels, archive,
                offboarding, oidc, cluster);
    }

    /** The top-level block under {@code key}, or null when absent or not a mapping (recorded). */
    private static YamlMap child(YamlMap top, String key) {
        return top.map(key, key);
    }
}
