package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static de.wachposten.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office {@code escalation} block and {@code server.link_secret}. */
class EscalationConfigTest {
    private static final String SMTP = "smtp: {host: mail.example, from: wachposten@example.org}\n";

    @TempDir
    Path dir;

    private static String office(String escalation) {
        return SMTP + "offices:\n  - id: presse\n    sinks:\n      - type: webhook\n        url: https://a.example/h\n"
                + "    escalation:\n" + escalation.indent(6);
    }

    @Test
    void readsAfterRepeatAndTheEscalationSinksWithTheirOwnKeys() throws Exception {
        Path f = write(dir, office("after: 30m\nrepeat: 2h\nsinks:\n  - type: email\n    to: [leitung@x.example]\n"));
        Config c = ConfigLoader.load(f, Map.of());
        Escalation e = c.office("presse").orElseThrow().escalation();
        assertThat(e.after()).isEqualTo(Duration.ofMinutes(30));
        assertThat(e.repeat()).isEqualTo(Duration.ofHours(2));
        assertThat(e.sinks()).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("presse/escalation#0:email");
            assertThat(s.line()).isEqualTo(11);
        });
        assertThat(c.office("presse").orElseThrow().sinks()).singleElement()
                .satisfies(s -> assertThat(s.key()).isEqualTo("presse#0:webhook"));
    }

    @Test
    void repeatIsOptionalAndAnOfficeWithoutEscalationHasNone() throws Exception {
        Config c = ConfigLoader.load(write(dir, office("after: 1h\nsinks:\n  - type: slack\n    url: https://s.example/x\n")
                + "  - id: other\n"), Map.of());
        assertThat(c.office("presse").orElseThrow().escalation().repeat()).isNull();
        assertThat(c.office("other").orElseThrow().escalation()).isNull();
    }

    @Test
    void namesFileLineAndKeyOfEveryMistake() {
        Path f = dir.resolve("wachposten.yaml");
        assertThat(errors(dir, office("repeat: soon\nsinks: []\n"))).containsExactly(
                f + ":8: missing key 'after' in escalation of office 'presse'",
                f + ":8: bad duration 'soon' for 'repeat' in escalation of office 'presse' ("
                        + ConfigLoader.DURATION_FORM + ")",
                f + ":9: 'sinks' in escalation of office 'presse' needs at least one sink");
        assertThat(errors(dir, office("after: 1h\ncontacts: [x]\nsinks:\n  - type: slack\n    url: https://s.example/x\n")))
                .containsExactly(f + ":9: unknown key 'contacts' in escalation of office 'presse' (expected one of: "
                        + "after, repeat, sinks)");
        assertThat(errors(dir, office("after: 10s\nsinks:\n  - type: pager\n"))).containsExactly(
                f + ":8: 'after' in escalation of office 'presse' must be at least 1m, not '10s'",
                f + ":10: unknown sink type 'pager' in sink 'presse/escalation#0' (expected one of: webhook, email, "
                        + "slack, mattermost, teams, matrix, alertmanager)");
    }

    @Test
    void aLinkSecretIsASecretOfAtLeast32Characters() throws Exception {
        Path f = write(dir, "server:\n  link_secret: ${LINK_SECRET}\n");
        Config c = ConfigLoader.load(f, Map.of("LINK_SECRET", "k".repeat(40)));
        assertThat(c.server().linkSecret().reveal()).hasSize(40);
        assertThat(c.server().linkSecret().toString()).isEqualTo("<secret>");
        assertThat(errors(f, Map.of("LINK_SECRET", "short"))).containsExactly(
                f + ":2: 'link_secret' in server must have at least 32 characters");
    }
}
