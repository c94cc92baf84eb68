package de.wachposten.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.testkit.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveRulesTest {
    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private void write(String name, String word) throws IOException {
        Files.writeString(dir.resolve(name), RuleLoaderTest.GOOD.replace("good-one", name.replace(".yaml", ""))
                .replace("Vollidiot", word));
    }

    private double reloads(String result) {
        return registry.get("wachposten.rules.reload").tag("result", result).counter().count();
    }

    @Test
    void aValidChangeIsSwappedInAndCounted() throws IOException {
        write("a.yaml", "Vollidiot");
        LiveRules live = new LiveRules(dir, registry);
        assertThat(live.current().match("Du Schwachkopf")).isEmpty();
        write("b.yaml", "Schwachkopf");
        assertThat(live.reload()).isTrue();
        assertThat(live.current().match("Du Schwachkopf")).hasSize(1);
        assertThat(reloads("ok")).isEqualTo(1.0);
        assertThat(registry.get("wachposten.rules.active").gauge().value()).isEqualTo(2.0);
        live.close();
    }

    @Test
    void aBrokenFileKeepsThePreviousRulesetAndIsLoggedWithFileAndLine() throws IOException {
        write("a.yaml", "Vollidiot");
        LiveRules live = new LiveRules(dir, registry);
        Ruleset before = live.current();
        Files.writeString(dir.resolve("b.yaml"), "- id: b\n  query: '(unclosed'\n");
        try (LogCapture log = LogCapture.capture()) {
            assertThat(live.reload()).isFalse();
            assertThat(log.text()).contains(dir.resolve("b.yaml") + ":2: query: cannot parse '(unclosed'",
                    "not reloaded", "previous 1 rules stay active");
        }
        assertThat(live.current()).isSameAs(before);
        assertThat(reloads("failed")).isEqualTo(1.0);
        live.close();
    }

    @Test
    void everyReloadIsToldToTheListenerWithItsOutcome() throws IOException {
        write("a.yaml", "Vollidiot");
        LiveRules live = new LiveRules(dir, registry);
        java.util.List<String> told = new java.util.ArrayList<>();
        live.listen((ok, rules, errors) -> told.add(ok + " " + rules + " " + errors));
        write("b.yaml", "Schwachkopf");
        live.reload();
        Files.writeString(dir.resolve("c.yaml"), "- id: c\n  query: '(unclosed'\n");
        live.reload();
        assertThat(told).hasSize(2);
        assertThat(told.get(0)).isEqualTo("true 2 []");
        assertThat(told.get(1)).startsWith("false 2 [" + dir.resolve("c.yaml") + ":1: missing required field 'title'")
                .contains(dir.resolve("c.yaml") + ":2: query: cannot parse '(unclosed'");
        live.close();
    }

    @Test
    void aMissingDirectoryGivesAnEmptyRuleset() {
        LiveRules live = new LiveRules(dir.resolve("nope"), registry);
        assertThat(live.current().size()).isZero();
        live.close();
    }

    @Test
    void theWatcherPicksUpAChangedFileWithoutARestart() throws IOException {
        write("a.yaml", "Vollidiot");
        LiveRules live = new LiveRules(dir, registry);
        try (RulesWatcher w = RulesWatcher.start(live, Duration.ofMillis(50))) {
            write("b.yaml", "Schwachkopf");
            await().atMost(Duration.ofSeconds(10)).until(() -> !live.current().match("Schwachkopf").isEmpty());
        }
        live.close();
    }
}
