package de.wachposten.rules;

import java.nio.file.Path;

/** Prints the rules matching each argument, with their queries (a tool for rule writers, not a test). */
public final class MatchDump {
    private MatchDump() {
    }

    public static void main(String[] args) throws Exception {
        RuleLoader.Result r = RuleLoader.load(Path.of("rules"));
        try (Ruleset rs = Ruleset.of(r.rules())) {
            for (String a : args) {
                if (a.startsWith("rule:")) {
                    rs.rules().stream().filter(x -> x.id().equals(a.substring(5))).forEach(x -> System.out.println(x.query()));
                    continue;
                }
                System.out.println(a + " -> " + rs.match(a).stream().map(m -> m.rule().id() + m.terms()).toList());
            }
        }
    }
}
