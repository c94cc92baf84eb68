package de.wachposten.rules;

import de.wachposten.config.ConfigError;
import java.util.ArrayList;
import java.util.List;

/** Runs every rule's own examples against a ruleset and reports each one that misbehaves. */
public final class ExampleCheck {
    private ExampleCheck() {
    }

    /**
     * The failing examples of every rule in {@code ruleset}, as {@code file:line: message} pointing at the example.
     * A {@code match} example must raise the rule; a {@code no_match} example must not.
     */
    public static List<ConfigError> run(Ruleset ruleset) {
        List<ConfigError> out = new ArrayList<>();
        for (Rule r : ruleset.rules()) {
            for (Rule.Example e : r.match()) {
                if (!matches(ruleset, r, e.text())) {
                    out.add(new ConfigError(r.file(), e.line(), "rule " + r.id() + ": example should match but does not: \""
                            + shorten(e.text()) + "\""));
                }
            }
            for (Rule.Example e : r.noMatch()) {
                if (matches(ruleset, r, e.text())) {
                    out.add(new ConfigError(r.file(), e.line(), "rule " + r.id() + ": example should not match but does: \""
                            + shorten(e.text()) + "\""));
                }
            }
        }
        return out;
    }

    /** The number of examples {@link #run} checks. */
    public static int count(Ruleset ruleset) {
        return ruleset.rules().stream().mapToInt(r -> r.match().size() + r.noMatch().size()).sum();
    }

    private static boolean matches(Ruleset ruleset, Rule r, String text) {
        return ruleset.match(text).stream().anyMatch(m -> m.rule().id().equals(r.id()));
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
