package de.wachposten.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Strict, typed reads from one YAML mapping node. Every problem is recorded in {@link Problems} with the line of the
 * offending key or value, and the read returns null (or the default) so the caller can go on and find more errors.
 * Values are read from the raw scalar text (no YAML 1.1 guessing of booleans or numbers) after {@code ${ENV}}
 * substitution. Messages quote the text as written in the file, never a value taken from the environment.
 */
final class YamlMap {
    private final MappingNode node;
    private final Problems problems;
    private final Map<String, String> env;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private String label;

    private YamlMap(MappingNode node, String label, Problems problems, Map<String, String> env) {
        this.node = node;
        this.label = label;
        this.problems = problems;
        this.env = env;
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                entries.putIfAbsent(k.getValue(), t);
            }
        }
    }

    /** The node as a mapping, or null after recording "{@code what} must be a mapping". */
    static YamlMap of(Node n, String what, String label, Problems problems, Map<String, String> env) {
        if (n instanceof MappingNode m) {
            return new YamlMap(m, label, problems, env);
        }
        problems.error(Nodes.line(n), what + " must be a mapping, not " + Nodes.describe(n));
        return null;
    }

    Problems problems() {
        return problems;
    }

    Map<String, String> env() {
        return env;
    }

    /** How messages name this object, e.g. {@code channel 'sms-twitter'}. */
    String label() {
        return label;
    }

    /** Renames the object once its id is known. */
    void label(String newLabel) {
        this.label = newLabel;
    }

    /** Line of the mapping itself. */
    int line() {
        return Nodes.line(node);
    }

    /** Line of the value under {@code key}, or of the mapping when the key is absent. */
    int line(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line() : Nodes.line(t.getValueNode());
    }

    /** The keys in file order (first occurrence). */
    Set<String> keys() {
        return entries.keySet();
    }

    /** True when {@code key} is present with a non-null value. */
    boolean has(String key) {
        NodeTuple t = entries.get(key);
        return t != null && !Nodes.isNull(t.getValueNode());
    }

    /** The value node under {@code key}, or null when absent or null. */
    Node node(String key) {
        return has(key) ? entries.get(key).getValueNode() : null;
    }

    /** The value node under {@code key} even when it is null; null only when the key is absent. */
    Node rawNode(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** Records duplicate keys, keys that are not strings and keys not in {@code allowed}. */
    void checkKeys(Collection<String> allowed) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.error(Nodes.line(t.getKeyNode()), "keys in " + label + " must be strings, not "
                        + Nodes.describe(t.getKeyNode()));
                continue;
            }
            String key = k.getValue();
            Integer first = seen.putIfAbsent(key, Nodes.line(k));
            if (first != null) {
                problems.error(Nodes.line(k), "duplicate key '" + key + "' in " + label + " (first at line " + first
                        + ")");
            } else if (!allowed.contains(key)) {
                problems.error(Nodes.line(k), "unknown key '" + key + "' in " + label + " (expected one of: "
                        + String.join(", ", allowed) + ")");
            }
        }
    }

    /** The scalar under {@code key} before validation, or null when absent or not a scalar (recorded). */
    Scalar scalar(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            problems.error(Nodes.line(n), "'" + key + "' in " + label + " must be a string, not " + Nodes.describe(n));
            return null;
        }
        return Scalar.of(s, env);
    }

    /** The substituted string under {@code key}; null when absent or on error (recorded). */
    String string(String key) {
        Scalar s = scalar(key);
        return s == null ? null : s.resolved(problems, "'" + key + "' in " + label);
    }

    /** Like {@link #string} but records "missing key" when absent. */
    String required(String key) {
        if (!has(key)) {
            problems.error(line(), "missing key '" + key + "' in " + label);
            return null;
        }
        return string(key);
    }

    /**
     * A secret under {@code key}: environment references are resolved; an unset variable gives {@link Secret#unset}
     * and a warning naming {@code context}. Null when absent or malformed (recorded).
     */
    Secret secret(String key, String context) {
        Scalar s = scalar(key);
        return s == null ? null : s.secret(problems, context, "'" + key + "' in " + label);
    }

    /** The mapping under {@code key}, labelled {@code childLabel}; null when absent or not a mapping (recorded). */
    YamlMap map(String key, String childLabel) {
        Node n = node(key);
        return n == null ? null : of(n, "'" + key + "' in " + label, childLabel, problems, env);
    }

    /** The entries of the list under {@code key}; empty when absent, null when not a list (recorded). */
    List<Node> items(String key) {
        Node n = node(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        problems.error(Nodes.line(n), "'" + key + "' in " + label + " must be a list, not " + Nodes.describe(n));
        return null;
    }

    /** The list of strings under {@code key}, substituted; bad entries are recorded and left out. */
    List<Scalar> scalars(String key) {
        List<Node> items = items(key);
        List<Scalar> out = new ArrayList<>();
        for (Node item : items == null ? List.<Node>of() : items) {
            if (item instanceof ScalarNode s && !Nodes.isNull(s)) {
                Scalar sc = Scalar.of(s, env);
                if (sc.resolved(problems, "'" + key + "' in " + label) != null) {
                    out.add(sc);
                }
            } else {
                problems.error(Nodes.line(item), "each entry of '" + key + "' in " + label + " must be a string, not "
                        + Nodes.describe(item));
            }
        }
        return out;
    }

    /** Like {@link #scalars} but only the values. */
    List<String> strings(String key) {
        return scalars(key).stream().map(Scalar::value).toList();
    }

    /** An integer in [min, max], or {@code dflt} when absent; null on error (recorded). */
    Integer integer(String key, int min, int max, int dflt) {
        Scalar s = scalar(key);
        String v = s == null ? null : s.resolved(problems, "'" + key + "' in " + label);
        if (v == null) {
            return s == null && !has(key) ? dflt : null;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.error(s.line(), "'" + key + "' in " + label + " must be an integer from " + min + " to " + max
                + ", not '" + s.raw() + "'");
        return null;
    }

    /** {@code true} or {@code false} (any case), or {@code dflt} when absent; null on error (recorded). */
    Boolean bool(String key, boolean dflt) {
        Scalar s = scalar(key);
        String v = s == null ? null : s.resolved(problems, "'" + key + "' in " + label);
        if (v == null) {
            return s == null && !has(key) ? dflt : null;
        }
        String lower = v.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
        }
        problems.error(s.line(), "'" + key + "' in " + label + " must be true or false, not '" + s.raw() + "'");
        return null;
    }

    /**
     * A number at most 1 and at least 0 ({@code zero} true) or above 0 under {@code key}, or {@code dflt} when absent;
     * null on error (recorded).
     */
    Double fraction(String key, boolean zero, double dflt) {
        Scalar s = scalar(key);
        String v = s == null ? null : s.resolved(problems, "'" + key + "' in " + label);
        if (v == null) {
            return has(key) ? null : dflt;
        }
        try {
            double t = Double.parseDouble(v.trim());
            if ((zero ? t >= 0 : t > 0) && t <= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.error(s.line(), "'" + key + "' in " + label + " must be a number "
                + (zero ? "from 0.0 to 1.0" : "above 0 and at most 1") + ", not '" + s.raw() + "'");
        return null;
    }

    /** One of {@code allowed} (exact match), or {@code dflt} when absent; null on error (recorded). */
    String oneOf(String key, List<String> allowed, String dflt) {
        Scalar s = scalar(key);
        String v = s == null ? null : s.resolved(problems, "'" + key + "' in " + label);
        if (v == null) {
            return s == null && !has(key) ? dflt : null;
        }
        if (allowed.contains(v)) {
            return v;
        }
        problems.error(s.line(), "bad " + key.replace('_', ' ') + " '" + s.raw() + "' in " + label + " (expected "
                + Nodes.alternatives(allowed) + ")");
        return null;
    }

    /** An absolute http(s) URL under {@code key}; null when absent or bad (recorded). */
    URI url(String key) {
        Scalar s = scalar(key);
        String v = s == null ? null : s.resolved(problems, "'" + key + "' in " + label);
        return v == null ? null : checkUrl(v, s, key);
    }

    /** Checks that {@code v} (read from {@code s}) is an absolute http(s) URL; null after recording when not. */
    URI checkUrl(String v, Scalar s, String key) {
        try {
            URI u = new URI(v.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.error(s.line(), "'" + key + "' in " + label + " must be an absolute http or https URL, not '"
                + s.raw() + "'");
        return null;
    }
}
