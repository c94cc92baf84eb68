package de.wachposten.rules;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/** Matching of rule queries of every kind the query syntax allows, with their matched words. */
class RulesetTest {
    private static Rule rule(String id, String query, String... exceptions) throws Exception {
        List<Query> ex = new ArrayList<>();
        for (String e : exceptions) {
            ex.add(QueryCompiler.parse(e));
        }
        return new Rule(id, id, "stable", "insult", Severity.MEDIUM, List.of("de"), query,
                QueryCompiler.withExceptions(QueryCompiler.parse(query), ex), List.of(exceptions), List.of(), List.of(),
                List.of(), Path.of("test.yaml"), 1);
    }

    private static List<String> match(Ruleset rs, String text) {
        return rs.match(text).stream().map(m -> m.rule().id() + m.terms()).toList();
    }

    @Test
    void aTermOfAnyDisjunctSelectsTheRuleAndEveryMatchedWordIsNamed() throws Exception {
        try (Ruleset rs = Ruleset.of(List.of(rule("words", "Trottel Schwachkopf \"dumme kuh\""),
                rule("other", "Gurkensalat")))) {
            assertThat(match(rs, "Du Trottel, du dumme Kuh!")).containsExactly("words[Trottel, dumme Kuh]");
            assertThat(match(rs, "Eine Kuh auf der Weide.")).isEmpty();
        }
    }

    @Test
    void exceptionsRuleOutAMatch() throws Exception {
        try (Ruleset rs = Ruleset.of(List.of(rule("pig", "Schweine", "Schweinepest Stall")))) {
            assertThat(match(rs, "Ihr Schweine!")).containsExactly("pig[Schweine]");
            assertThat(match(rs, "Die Schweine im Stall sind gesund.")).isEmpty();
        }
    }

    @Test
    void termExpandingQueriesMatchWithoutAPresearchTerm() throws Exception {
        try (Ruleset rs = Ruleset.of(List.of(rule("prefix", "Drecks*"), rule("wildcard", "Schw?chkopf"),
                rule("fuzzy", "Vollpfosten~1"), rule("range", "[gurka TO gurkz]")))) {
            assertThat(match(rs, "Diese Drecksregierung")).containsExactly("prefix[Drecksregierung]");
            assertThat(match(rs, "So ein Schwachkopf")).containsExactly("wildcard[Schwachkopf]");
            assertThat(match(rs, "So ein Vollpfostn")).containsExactly("fuzzy[Vollpfostn]");
            assertThat(match(rs, "gurkb")).containsExactly("range[gurkb]");
            assertThat(match(rs, "Ein ganz normaler Satz")).isEmpty();
        }
    }

    @Test
    void conjunctionsAndMarkersNeedAllTheirParts() throws Exception {
        try (Ruleset rs = Ruleset.of(List.of(rule("both", "(Gauner Betrüger) AND (Bank Konto)"),
                rule("mail", "marker:email")))) {
            assertThat(match(rs, "Der Gauner will an dein Konto")).containsExactly("both[Gauner, Konto]");
            assertThat(match(rs, "Der Gauner ist weg")).isEmpty();
            assertThat(match(rs, "Schreib an a.b@example.org")).containsExactly("mail[marker:email]");
        }
    }

    @Test
    void anEmptyRulesetMatchesNothing() {
        try (Ruleset rs = Ruleset.empty()) {
            assertThat(match(rs, "Du Trottel")).isEmpty();
        }
    }
}
