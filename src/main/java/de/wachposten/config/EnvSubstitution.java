package de.wachposten.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} references in a config string with values from the environment. {@code $${} stands for a
 * literal {@code ${}. Names match {@code [A-Za-z_][A-Za-z0-9_]*}.
 */
final class EnvSubstitution {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * The outcome for one string.
     *
     * @param value   the string with every set variable replaced (unset ones replaced by nothing)
     * @param vars    every variable referenced, in order
     * @param missing the referenced variables that are not set
     * @param syntax  the first malformed reference (e.g. {@code ${A-B}}), or null
     */
    record Outcome(String value, List<String> vars, List<String> missing, String syntax) {
        /** The first variable referenced, or null for a plain literal. */
        String firstVar() {
            return vars.isEmpty() ? null : vars.getFirst();
        }
    }

    private EnvSubstitution() {
    }

    /** Substitutes every reference in {@code raw}. */
    static Outcome apply(String raw, Map<String, String> env) {
        StringBuilder out = new StringBuilder(raw.length());
        List<String> vars = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            if (raw.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (raw.startsWith("${", i)) {
                int end = raw.indexOf('}', i + 2);
                String name = end < 0 ? null : raw.substring(i + 2, end);
                if (name == null || !NAME.matcher(name).matches()) {
                    String bad = end < 0 ? raw.substring(i) : raw.substring(i, end + 1);
                    return new Outcome(raw, vars, missing, bad);
                }
                vars.add(name);
                String v = env.get(name);
                if (v == null) {
                    missing.add(name);
                } else {
                    out.append(v);
                }
                i = end + 1;
            } else {
                out.append(raw.charAt(i++));
            }
        }
        return new Outcome(out.toString(), List.copyOf(vars), List.copyOf(missing), null);
    }
}
