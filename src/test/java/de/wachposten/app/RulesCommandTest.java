package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final String RULE = """
            - id: r1
              title: T
              status: stable
              category: insult
              severity: high
              languages: [de]
              query: 'Vollidiot'
              examples:
                match: ['Du Vollidiot']
                no_match: ['Guten Morgen']
            """;

    @Test
    void rulesTestPassesOnTheShippedRules() {
        assertThat(cli("rules", "test")).isEqualTo(Cli.OK);
        assertThat(out()).contains("rules: ", " 0 load errors, 0 failing examples");
    }

    @Test
    void aFailingExampleExitsOneAndIsPrintedWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("r.yaml"), RULE.replace("['Guten Morgen']", "['Vollidiot']"));
        assertThat(cli("rules", "test", dir.toString())).isEqualTo(Cli.FAILED);
        assertThat(out()).contains(dir.resolve("r.yaml") + ":10: rule r1: example should not match but does: \"Vollidiot\"");
    }

    @Test
    void aRuleThatDoesNotLoadExitsTwo() throws IOException {
        Files.writeString(dir.resolve("r.yaml"), RULE.replace("query: 'Vollidiot'", "query: 'Vollidiot AND'"));
        assertThat(cli("rules", "test", dir.toString())).isEqualTo(Cli.INVALID_CONFIG);
        assertThat(out()).contains(dir.resolve("r.yaml") + ":7: query: cannot parse 'Vollidiot AND'");
    }

    @Test
    void checkAlsoValidatesTheRulesDirectory() throws IOException {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.writeString(rules.resolve("r.yaml"), RULE.replace("status: stable", "status: final"));
        String config = Files.readString(Path.of("config/example.yaml")).replace("dir: rules ", "dir: " + rules + " ");
        Path file = Files.writeString(dir.resolve("wachposten.yaml"), config);
        assertThat(cli("check", "--config", file.toString())).isEqualTo(Cli.INVALID_CONFIG);
        assertThat(out()).contains(rules.resolve("r.yaml") + ":3: unknown status 'final' (expected one of stable, test, experimental)");
    }
}
