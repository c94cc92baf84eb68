package de.wachposten.rules;

import de.wachposten.config.ConfigError;
import de.wachposten.model.Severity;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads every {@code *.yaml}/{@code *.yml} file below a rules directory. A file holds one rule (a mapping) or a list
 * of rules. Validation is strict and never stops at the first problem: every error is collected as
 * {@code file:line: message}, and the rules without errors load. A duplicate id is an error of the later rule; the
 * first one stays.
 */
public final class RuleLoader {
    /** The accepted categories. */
    public static final List<String> CATEGORIES = List.of("insult", "hate", "dehumanizing", "violence", "extremism",
            "profanity", "personal_data", "confidential", "scam", "suspicious_link");
    static final List<String> STATUSES = List.of("stable", "test", "experimental");
    static final List<String> FIELDS = List.of("id", "title", "status", "category", "severity", "languages", "query",
            "exceptions", "falsepositives", "examples");

    /**
     * What a load produced.
     *
     * @param rules  the valid rules, in file order
     * @param errors every problem found, sorted by file and line
     */
    public record Result(List<Rule> rules, List<ConfigError> errors) {
        public Result {
            rules = List.copyOf(rules);
            errors = errors.stream().sorted().toList();
        }
    }

    private RuleLoader() {
    }

    /** Loads every rule file below {@code dir}; a missing or unreadable directory is one error. */
    public static Result load(Path dir) {
        List<ConfigError> errors = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(RuleLoader::isRuleFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return new Result(List.of(), List.of(new ConfigError(dir, 1, "cannot read the rules directory: " + e.getMessage())));
        }
        Map<String, Rule> byId = new HashMap<>();
        for (Path f : files) {
            for (Rule r : loadFile(f, errors)) {
                Rule first = byId.putIfAbsent(r.id(), r);
                if (first != null) {
                    errors.add(new ConfigError(f, r.line(), "duplicate rule id '" + r.id() + "' (first defined at "
                            + first.file() + ":" + first.line() + ")"));
                } else {
                    rules.add(r);
                }
            }
        }
        return new Result(rules, errors);
    }

    static boolean isRuleFile(Path p) {
        String n = p.getFileName().toString();
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
    }

    /** The valid rules of one file; problems go to {@code errors}. */
    static List<Rule> loadFile(Path file, List<ConfigError> errors) {
        Node root = compose(file, errors);
        List<Rule> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        List<Node> items = root instanceof SequenceNode s ? s.getValue() : List.of(root);
        for (Node n : items) {
            if (!(n instanceof MappingNode m)) {
                errors.add(new ConfigError(file, RuleNode.line(n), "a rule must be a mapping of fields"));
                continue;
            }
            Rule r = build(new RuleNode(file, m, errors));
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static Rule build(RuleNode n) {
        int before = n.errorCount();
        n.checkKeys(FIELDS);
        String id = n.requiredString("id");
        if (id != null && !id.matches("[a-z0-9][a-z0-9._-]*")) {
            n.error("id", "rule id '" + id + "' must be lower case letters, digits, '.', '_' or '-'");
        }
        String title = n.requiredString("title");
        String status = n.choice("status", STATUSES);
        String category = n.choice("category", CATEGORIES);
        String sev = n.choice("severity", List.of("info", "low", "medium", "high", "critical"));
        List<String> languages = n.strings("languages");
        Query main = parse(n, "query", n.requiredString("query"));
        List<String> exceptions = n.strings("exceptions");
        List<Query> exq = new ArrayList<>();
        for (int i = 0; i < exceptions.size(); i++) {
            exq.add(parse(n, "exceptions", exceptions.get(i)));
        }
        List<String> fps = n.strings("falsepositives");
        RuleNode.Examples ex = n.examples();
        if (n.errorCount() > before || main == null || exq.contains(null)) {
            return null;
        }
        return new Rule(id, title, status, category, Severity.parse(sev), languages, n.string("query"),
                QueryCompiler.withExceptions(main, exq), exceptions, fps, ex.match(), ex.noMatch(), n.file(), n.line());
    }

    private static Query parse(RuleNode n, String key, String text) {
        if (text == null) {
            return null;
        }
        try {
            return QueryCompiler.parse(text);
        } catch (ParseException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            n.error(key, key + ": cannot parse '" + text + "': " + msg);
            return null;
        }
    }

    private static Node compose(Path file, List<ConfigError> errors) {
        try {
            String text = Files.readString(file);
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            errors.add(new ConfigError(file, mark == null ? 1 : mark.getLine() + 1,
                    String.valueOf(e.getProblem() != null ? e.getProblem() : e.getContext()).replace("\n", " ")));
        } catch (IOException | YAMLException e) {
            errors.add(new ConfigError(file, 1, "cannot read rule file: " + e.getMessage()));
        }
        return null;
    }
}
