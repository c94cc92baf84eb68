package de.wachposten.rules;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ConfigError;
import de.wachposten.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Walks every shipped rule under rules/: schema, unique ids, queries, examples; lists all violations at once. */
class ShippedRulesTest {
    private static RuleLoader.Result loaded;
    private static Ruleset ruleset;

    @BeforeAll
    static void load() {
        loaded = RuleLoader.load(Path.of("rules"));
        ruleset = Ruleset.of(loaded.rules());
    }

    @AfterAll
    static void close() {
        ruleset.close();
    }

    @Test
    void everyShippedRuleLoadsAndEveryExampleBehaves() {
        List<ConfigError> all = new ArrayList<>(loaded.errors());
        all.addAll(ExampleCheck.run(ruleset));
        assertThat(all).as("violations in rules/").isEmpty();
        assertThat(ruleset.size()).isGreaterThanOrEqualTo(20);
        assertThat(loaded.rules()).allSatisfy(r -> {
            assertThat(r.file().getParent().getFileName().toString()).as(r.id() + " lies in its category's folder")
                    .isEqualTo(r.category());
            assertThat(r.match()).as(r.id() + " has examples that match").isNotEmpty();
        });
    }

    @Test
    void theDemoIncidentIsDehumanizingAndCritical() {
        List<RuleMatch> m = ruleset.match("Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus. #Asyl");
        assertThat(m).first().satisfies(x -> {
            assertThat(x.rule().category()).isEqualTo("dehumanizing");
            assertThat(x.rule().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(x.terms()).containsExactly("Ungeziefer");
        });
    }

    @Test
    void everydayPoliticalVocabularyDoesNotTriggerOnItsOwn() {
        for (String text : List.of(
                "Die Partei stellt ihr Programm vor.", "Das Volk hat gewählt.", "Gewalt gegen Frauen ist nie privat.",
                "Juden in Sachsen feiern Chanukka.", "Die Ministerin besucht die Frau des Jahres.",
                "Asylbewerber und Flüchtlinge erhalten Beratung.", "Muslime laden zum Tag der offenen Moschee.",
                "Die Polizei ermittelt wegen Volksverhetzung.", "Landtag debattiert über Migration und Integration.",
                "Demonstration gegen Rechtsextremismus am Samstag.", "Der Minister verurteilt den Anschlag.",
                "Hauptstraße 88, 01067 Dresden", "Wir stellen 88 neue Lehrkräfte ein.", "Mitarbeiter*innen gesucht!")) {
            assertThat(ruleset.match(text)).as(text).isEmpty();
        }
    }

    @Test
    void obfuscatedInsultsAreStillFound() {
        assertThat(ruleset.match("Du V.o.l.l.i.d.i.o.t")).isNotEmpty();
        assertThat(ruleset.match("Volli d1ot")).isEmpty();
        assertThat(ruleset.match("So ein Arschl0ch")).isNotEmpty();
        assertThat(ruleset.match("Scheiiiiße")).isNotEmpty();
    }
}
