package de.wachposten.rules;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {
    @TempDir
    Path dir;

    static final String GOOD = """
            - id: good-one
              title: Good
              status: stable
              category: insult
              severity: high
              languages: [de]
              query: 'Vollidiot'
              examples:
                match: ['Du Vollidiot']
                no_match: ['Guten Morgen']
            """;

    private RuleLoader.Result load(String broken) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), GOOD);
        Files.writeString(dir.resolve("b.yaml"), broken);
        return RuleLoader.load(dir);
    }

    @Test
    void anUnparsableQueryIsNamedWithFileAndLineAndTheRestLoads() throws IOException {
        RuleLoader.Result r = load(GOOD.replace("good-one", "bad").replace("'Vollidiot'", "'(Vollidiot AND'"));
        assertThat(r.rules()).extracting(Rule::id).containsExactly("good-one");
        assertThat(r.errors()).extracting(ConfigError::toString).singleElement().asString()
                .startsWith(dir.resolve("b.yaml") + ":7: query: cannot parse '(Vollidiot AND'");
    }

    @Test
    void anUnknownFieldAMissingIdAndABadCategoryAreAllReported() throws IOException {
        RuleLoader.Result r = load(GOOD.replace("- id: good-one\n  ", "- ").replace("severity: high", "severity: high\n  colour: red")
                .replace("category: insult", "category: rude"));
        assertThat(r.errors()).extracting(ConfigError::toString).containsExactly(
                dir.resolve("b.yaml") + ":1: missing required field 'id'",
                dir.resolve("b.yaml") + ":3: unknown category 'rude' (expected one of " + String.join(", ", RuleLoader.CATEGORIES) + ")",
                dir.resolve("b.yaml") + ":5: unknown field 'colour' (expected one of " + String.join(", ", RuleLoader.FIELDS) + ")");
    }

    @Test
    void aDuplicateIdIsAnErrorOfTheLaterRule() throws IOException {
        RuleLoader.Result r = load(GOOD);
        assertThat(r.rules()).hasSize(1);
        assertThat(r.errors()).extracting(ConfigError::toString).containsExactly(
                dir.resolve("b.yaml") + ":1: duplicate rule id 'good-one' (first defined at " + dir.resolve("a.yaml") + ":1)");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() throws IOException {
        RuleLoader.Result r = load("- id: x\n  title: [unclosed\n");
        assertThat(r.rules()).hasSize(1);
        assertThat(r.errors()).singleElement().extracting(ConfigError::file).isEqualTo(dir.resolve("b.yaml"));
    }

    @Test
    void aFailingExampleIsNamedWithTheExamplesLine() throws IOException {
        RuleLoader.Result r = load(GOOD.replace("good-one", "other").replace("['Guten Morgen']", "['Vollidiot!']"));
        try (Ruleset rs = Ruleset.of(r.rules())) {
            assertThat(ExampleCheck.run(rs)).extracting(ConfigError::toString).containsExactly(
                    dir.resolve("b.yaml") + ":10: rule other: example should not match but does: \"Vollidiot!\"");
        }
    }
}
