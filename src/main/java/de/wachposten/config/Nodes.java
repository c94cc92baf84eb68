package de.wachposten.config;

import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small facts about YAML nodes used in messages: where a node starts and what kind it is. */
final class Nodes {
    private Nodes() {
    }

    /** 1-based line where a node starts. */
    static int line(Node n) {
        return n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
    }

    /** "a mapping", "a list", "a string" or "empty": what a node is, without quoting its value. */
    static String describe(Node n) {
        return switch (n) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            default -> isNull(n) ? "empty" : "a string";
        };
    }

    /** True for an absent value or a plain {@code null}/{@code ~}/empty scalar. */
    static boolean isNull(Node n) {
        return n == null || (n instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }

    /** "a, b or c". */
    static String alternatives(List<String> options) {
        if (options.size() == 1) {
            return options.getFirst();
        }
        return String.join(", ", options.subList(0, options.size() - 1)) + " or " + options.getLast();
    }
}
