package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Post;
import de.wachposten.store.jdbc.JdbcStore;
import de.wachposten.store.jdbc.SqliteStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehuntCommandTest {
    private static final Instant T0 = Instant.parse("2016-01-08T05:30:00Z");
    private static final String RULE = """
            - id: test-vermin
              title: Menschen als Ungeziefer bezeichnet
              status: stable
              category: dehumanizing
              severity: critical
              languages: [de]
              query: 'Ungeziefer Schmarotzer'
              examples:
                match: ['Diese Schmarotzer']
                no_match: ['Guten Morgen']
            """;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path config() throws Exception {
        Path c = dir.resolve("wachposten.yaml");
        Files.writeString(c, """
                store:
                  path: %s
                offices:
                  - id: sms-presse
                channels:
                  - id: sms-mastodon
                    platform: mastodon
                    account: sms@social.example
                    office: sms-presse
                    policy: {approval: required}
                """.formatted(dir.resolve("store.db")));
        return c;
    }

    private Path rules(String text) throws Exception {
        Path r = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(r.resolve("test.yaml"), text);
        return r;
    }

    private static Post post(String id, String text, int minutes, Instant editedAt) {
        Instant at = T0.plusSeconds(60L * minutes);
        return new Post("sms-mastodon", "mastodon", id, null, "sms", text, at, editedAt, null, "de", List.of(),
                at.plusSeconds(5), "{}");
    }

    private void archive() {
        try (JdbcStore store = SqliteStore.open(dir.resolve("store.db"), Clock.systemUTC())) {
            store.ingest("sms-mastodon", List.of(post("1", "Guten Morgen Sachsen", 0, null),
                    post("2", "Diese Schmarotzer gehören raus", 10, null),
                    post("3", "Neues zur Impfung", 20, null),
                    post("4", "Ungeziefer im Land", 90, null)), List.of(), "c1", false, T0.plusSeconds(6000));
            store.ingest("sms-mastodon", List.of(post("3", "Neues zur Impfung: alles Schmarotzer", 20,
                    T0.plusSeconds(1500)), post("2", "Diese Schmarotzer!", 10, T0.plusSeconds(1600))),
                    List.of("2"), "c2", false, T0.plusSeconds(6100));
        }
    }

    @Test
    void listsWhatTheRulesetWouldHaveMatchedInTheSpanWithoutWritingAnything() throws Exception {
        Path config = config();
        Path rules = rules(RULE);
        archive();
        long sizeBefore = Files.size(dir.resolve("store.db"));

        int code = run("rehunt", "--config", config.toString(), "--rules", rules.toString(),
                "--from", "2016-01-08T05:30:00Z", "--to", "2016-01-08T06:30");

        assertThat(code).as(err()).isZero();
        assertThat(out().lines().toList()).containsExactly(
                "2016-01-08T05:40:00Z\tsms-mastodon\t2\ttest-vermin\tdehumanizing\tcritical\tSchmarotzer",
                "2016-01-08T05:50:00Z\tsms-mastodon\t3\ttest-vermin\tdehumanizing\tcritical\tSchmarotzer",
                out().lines().toList().getLast());
        assertThat(out().lines().toList().getLast()).startsWith("rehunt: 5 post versions published in "
                + "[2016-01-08T05:30:00Z, 2016-01-08T06:30:00Z) checked against 1 rules: 2 matches in 2 posts (");
        assertThat(Files.size(dir.resolve("store.db"))).isEqualTo(sizeBefore);
        try (JdbcStore store = SqliteStore.open(dir.resolve("store.db"), Clock.systemUTC())) {
            assertThat(store.alerts(null, null)).isEmpty();
        }
    }

    @Test
    void anEmptySpanListsNothingButTheSummary() throws Exception {
        Path config = config();
        archive();

        int code = run("rehunt", "--config", config.toString(), "--rules", rules(RULE).toString(),
                "--from", "2017-01-01", "--to", "2017-01-02");

        assertThat(code).isZero();
        assertThat(out().lines().toList()).singleElement().asString()
                .startsWith("rehunt: 0 post versions published in");
    }

    @Test
    void badArgumentsExitWithSixtyFour() throws Exception {
        Path config = config();
        Path rules = rules(RULE);

        assertThat(run("rehunt", "--config", config.toString(), "--rules", rules.toString(), "--from", "2016-01-08"))
                .isEqualTo(64);
        assertThat(run("rehunt", "--config", config.toString(), "--rules", rules.toString(), "--from", "gestern",
                "--to", "2016-01-09")).isEqualTo(64);
        assertThat(run("rehunt", "--config", config.toString(), "--rules", rules.toString(), "--from", "2016-01-09",
                "--to", "2016-01-08")).isEqualTo(64);
        assertThat(run("rehunt", "--rules", rules.toString())).isEqualTo(64);
        assertThat(err()).contains("--rules DIR, --from T and --to T are required", "--from 'gestern' is not a time",
                "is not after --from");
    }

    @Test
    void ruleLoadErrorsExitWithTwoAsFileLineMessage() throws Exception {
        Path config = config();
        Path rules = rules(RULE + """
                - id: broken
                  title: kaputt
                  status: stable
                  category: insult
                  severity: high
                  query: 'Schmarotzer AND ('
                """);

        int code = run("rehunt", "--config", config.toString(), "--rules", rules.toString(),
                "--from", "2016-01-08", "--to", "2016-01-09");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains(rules.resolve("test.yaml") + ":").contains("cannot parse 'Schmarotzer AND ('");
        assertThat(out()).isEmpty();
    }

    @Test
    void withAClassifierModelInTheRulesDirectoryFlaggedPostsGetAClassifierLineWithProbabilityAndThreshold()
            throws Exception {
        Path config = config();
        Path rules = rules(RULE);
        Files.createDirectories(rules.resolve("classifier"));
        Files.copy(Path.of("rules/classifier/model-v1.bin"), rules.resolve("classifier/model-v1.bin"));
        try (JdbcStore store = SqliteStore.open(dir.resolve("store.db"), Clock.systemUTC())) {
            store.ingest("sms-mastodon", List.of(post("1", "Guten Morgen Sachsen", 0, null),
                    post("2", "Du dummer Vollpfosten, halt endlich dein Maul", 10, null),
                    post("3", "Wir verurteilen es, Menschen als dumme Vollpfosten zu beschimpfen.", 20, null)),
                    List.of(), "c1", false, T0.plusSeconds(6000));
        }

        int code = run("rehunt", "--config", config.toString(), "--rules", rules.toString(),
                "--from", "2016-01-08", "--to", "2016-01-09");

        assertThat(code).as(err()).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).matches("2016-01-08T05:40:00Z\tsms-mastodon\t2\tclassifier-offensive\t"
                + "offensive\tmedium\t[^\t]*Vollpfosten[^\t]*\tprobability 0\\.\\d\\d \\(threshold 0\\.65\\)");
        assertThat(lines.getLast()).startsWith("rehunt: 3 post versions published in [2016-01-08T00:00:00Z, "
                + "2016-01-09T00:00:00Z) checked against 1 rules and the classifier: 1 matches in 1 posts, 1 by the "
                + "classifier (");
    }

    @Test
    void theClassifierUsesTheThresholdOfThePostsChannelPolicy() throws Exception {
        Path config = config();
        Files.writeString(config, Files.readString(config).replace("policy: {approval: required}",
                "policy: {approval: required, content: {threshold: 0.999}}"));
        Path rules = rules(RULE);
        Files.createDirectories(rules.resolve("classifier"));
        Files.copy(Path.of("rules/classifier/model-v1.bin"), rules.resolve("classifier/model-v1.bin"));
        try (JdbcStore store = SqliteStore.open(dir.resolve("store.db"), Clock.systemUTC())) {
            store.ingest("sms-mastodon", List.of(post("2", "Du dummer Vollpfosten, halt endlich dein Maul", 10, null)),
                    List.of(), "c1", false, T0.plusSeconds(6000));
        }

        assertThat(run("rehunt", "--config", config.toString(), "--rules", rules.toString(),
                "--from", "2016-01-08", "--to", "2016-01-09")).as(err()).isZero();

        assertThat(out().lines().toList()).singleElement().asString().contains("0 matches in 0 posts, 0 by the classifier");
    }

    @Test
    void aModelThatDoesNotLoadExitsWithTwo() throws Exception {
        Path config = config();
        Path rules = rules(RULE);
        Files.createDirectories(rules.resolve("classifier"));
        Files.writeString(rules.resolve("classifier/model-v1.bin"), "not a model");

        int code = run("rehunt", "--config", config.toString(), "--rules", rules.toString(),
                "--from", "2016-01-08", "--to", "2016-01-09");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains(rules.resolve("classifier/model-v1.bin") + ":1: cannot load the classifier model: "
                + "not a classifier model file");
    }
}
