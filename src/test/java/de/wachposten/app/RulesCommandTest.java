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

    private static final String INCIDENT = "Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus. #Asyl";

    /** config/example.yaml with the shipped rules and the policy's content block set to {@code content}. */
    private Path exampleConfig(String content) throws IOException {
        String config = Files.readString(Path.of("config/example.yaml")).replace("dir: rules ",
                "dir: " + Path.of("rules").toAbsolutePath() + " ");
        if (content != null) {
            config = config.replace("    holidays: DE-SN ", "    content: " + content + "\n    holidays: DE-SN ");
            assertThat(config).contains("content: " + content);
        }
        return Files.writeString(dir.resolve("wachposten.yaml"), config);
    }

    @Test
    void rulesTestAlsoShowsTheClassifierVerdictOnTheRulesOwnExamples() {
        assertThat(cli("rules", "test")).isEqualTo(Cli.OK);
        assertThat(out()).containsPattern("rules: classifier on the rules' examples at threshold 0\\.65: \\d+ of \\d+ "
                + "match examples of offensive rules flagged, 0 of \\d+ no_match examples flagged");
    }

    @Test
    void aNoMatchExampleTheClassifierFlagsIsNamedWithFileLineAndTheVerdict() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(rules.resolve("classifier"));
        Files.copy(Path.of("rules/classifier/model-v1.bin"), rules.resolve("classifier/model-v1.bin"));
        Files.writeString(rules.resolve("r.yaml"), RULE.replace("['Guten Morgen']",
                "['Du dummer Vollpfosten, halt endlich dein Maul']"));
        assertThat(cli("rules", "test", rules.toString())).isEqualTo(Cli.OK);
        assertThat(out()).containsPattern(java.util.regex.Pattern.quote(rules.resolve("r.yaml") + ":10: rule r1: "
                + "no_match example still raises flagged_content by the classifier: probability ")
                + "0\\.\\d\\d, threshold 0\\.65: raises flagged_content \\(offensive\\); driven by: .*Vollpfosten.* \\(informative\\)")
                .contains("1 of 1 match examples of offensive rules flagged, 1 of 1 no_match examples flagged");
    }

    @Test
    void checkWithATextShowsTheRulesAndTheClassifierVerdictUnderTheChannelsPolicy() throws IOException {
        Path file = exampleConfig(null);
        assertThat(cli("check", "--config", file.toString(), "--channel", "sms-twitter", "--text", INCIDENT))
                .isEqualTo(Cli.OK);
        assertThat(out()).contains(file + ": OK (",
                "text checked for channel sms-twitter (policy four-eyes-office-hours): raises flagged_content\n",
                "  rule de-dehumanizing-vermin (dehumanizing, critical): Menschen als Ungeziefer, Parasiten oder "
                        + "Schmarotzer bezeichnet; matched: Ungeziefer\n")
                .containsPattern("  classifier: probability 0\\.\\d\\d, threshold 0\\.65: raises flagged_content "
                        + "\\(offensive\\); driven by: Ungeziefer(, \\S+){1,4}\n");
        assertThat(out().indexOf("text checked")).isGreaterThan(out().indexOf(file + ": OK ("));
    }

    @Test
    void checkWithATextUsesThePolicysThresholdAndSwitch() throws IOException {
        Path strict = exampleConfig("{threshold: 0.99}");
        cli("check", "--config", strict.toString(), "--channel", "sms-twitter", "--text", INCIDENT);
        assertThat(out()).containsPattern("classifier: probability 0\\.\\d\\d, threshold 0\\.99: silent: below the "
                + "threshold; driven by: Ungeziefer");
        out.reset();
        Path off = exampleConfig("{classifier: off}");
        cli("check", "--config", off.toString(), "--channel", "sms-twitter", "--text",
                "Du dummer Vollpfosten, halt endlich dein Maul");
        assertThat(out()).contains("silent: the classifier is off for this policy",
                "rule de-insult-stupidity (insult, high)");
        out.reset();
        cli("check", "--config", off.toString(), "--text", "Einladung zum Tag der offenen Tür im Ministerium");
        assertThat(out()).contains("text checked for the default content settings: no flagged_content\n",
                "  rules: no rule matches\n", "silent: below the threshold");
    }

    @Test
    void checkWithATextFlagsAnIbanPrintedWithSpaces() throws IOException {
        Path file = exampleConfig(null);
        assertThat(cli("check", "--config", file.toString(), "--text",
                "Spendet direkt an mich: DE89 3704 0044 0532 0130 00, danke!")).isEqualTo(Cli.OK);
        assertThat(out()).contains("raises flagged_content",
                "  rule pii-iban (personal_data, medium): IBAN (Prüfsumme gültig) im Beitrag; matched: marker:iban\n")
                .doesNotContain("3704");
    }

    @Test
    void checkWithAnUnknownChannelOrAChannelWithoutTextIsAUsageError() throws IOException {
        Path file = exampleConfig(null);
        assertThat(cli("check", "--config", file.toString(), "--channel", "nope", "--text", "x")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("wachposten check: unknown channel 'nope' (known: sms-twitter, sms-mastodon)");
        assertThat(cli("check", "--config", file.toString(), "--channel", "sms-twitter")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--channel ID needs --text TEXT");
    }
}
