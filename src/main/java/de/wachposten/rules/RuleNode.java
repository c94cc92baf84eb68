package de.wachposten.rules;

import de.wachposten.config.ConfigError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** One rule's YAML mapping with line-aware accessors; every problem becomes a {@link ConfigError}. */
final class RuleNode {
    private final Path file;
    private final MappingNode node;
    private final List<ConfigError> errors;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    RuleNode(Path file, MappingNode node, List<ConfigError> errors) {
        this.file = file;
        this.node = node;
        this.errors = errors;
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                entries.put(k.getValue(), t);
            }
        }
    }

    /** Where the examples of a rule stand. */
    record Examples(List<Rule.Example> match, List<Rule.Example> noMatch) {
    }

    static int line(Node n) {
        return n == null || n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
    }

    Path file() {
        return file;
    }

    int line() {
        return line(node);
    }

    int errorCount() {
        return errors.size();
    }

    void error(String key, String message) {
        NodeTuple t = entries.get(key);
        errors.add(new ConfigError(file, t == null ? line() : line(t.getValueNode()), message));
    }

    void checkKeys(List<String> allowed) {
        for (NodeTuple t : node.getValue()) {
            String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!allowed.contains(k)) {
                errors.add(new ConfigError(file, line(t.getKeyNode()), "unknown field '" + k + "' (expected one of "
                        + String.join(", ", allowed) + ")"));
            }
        }
    }

    /** The scalar value of {@code key}, or null when absent (a non-scalar is an error). */
    String string(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return null;
        }
        if (t.getValueNode() instanceof ScalarNode s) {
            return s.getValue();
        }
        error(key, key + " must be a string");
        return null;
    }

    String requiredString(String key) {
        boolean present = entries.containsKey(key);
        String v = string(key);
        if (v == null || v.isBlank()) {
            if (!present || isNull(entries.get(key).getValueNode())) {
                error(key, "missing required field '" + key + "'");
            } else if (v != null) {
                error(key, key + " must not be empty");
            }
            return null;
        }
        return v;
    }

    String choice(String key, List<String> options) {
        String v = requiredString(key);
        if (v != null && !options.contains(v)) {
            error(key, "unknown " + key + " '" + v + "' (expected one of " + String.join(", ", options) + ")");
            return null;
        }
        return v;
    }

    /** A list of strings; a single string is accepted as a list of one. */
    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (Node n : items(key, entries.containsKey(key) ? entries.get(key).getValueNode() : null)) {
            out.add(((ScalarNode) n).getValue());
        }
        return out;
    }

    Examples examples() {
        NodeTuple t = entries.get("examples");
        if (t == null || isNull(t.getValueNode())) {
            error("examples", "missing required field 'examples' (with match: and no_match: lists)");
            return new Examples(List.of(), List.of());
        }
        if (!(t.getValueNode() instanceof MappingNode m)) {
            error("examples", "examples must be a mapping with match: and no_match: lists");
            return new Examples(List.of(), List.of());
        }
        RuleNode ex = new RuleNode(file, m, errors);
        ex.checkKeys(List.of("match", "no_match"));
        List<Rule.Example> match = ex.exampleList("match");
        if (match.isEmpty()) {
            ex.error("match", "examples need at least one text under match:");
        }
        return new Examples(match, ex.exampleList("no_match"));
    }

    private List<Rule.Example> exampleList(String key) {
        List<Rule.Example> out = new ArrayList<>();
        for (Node n : items(key, entries.containsKey(key) ? entries.get(key).getValueNode() : null)) {
            out.add(new Rule.Example(((ScalarNode) n).getValue(), line(n)));
        }
        return out;
    }

    /** The scalar items of a list value (or a single scalar); other shapes are reported and skipped. */
    private List<Node> items(String key, Node value) {
        if (isNull(value)) {
            return List.of();
        }
        List<Node> raw = value instanceof SequenceNode s ? s.getValue() : List.of(value);
        List<Node> out = new ArrayList<>();
        for (Node n : raw) {
            if (n instanceof ScalarNode && !isNull(n)) {
                out.add(n);
            } else {
                errors.add(new ConfigError(file, line(n), key + " must be a list of strings"));
            }
        }
        return out;
    }

    private static boolean isNull(Node n) {
        return n == null || (n instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }
}
