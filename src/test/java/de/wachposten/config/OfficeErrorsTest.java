package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors in offices and their alert sinks. */
class OfficeErrorsTest {
    private static final String SMTP = "smtp: {host: mail.example, from: wachposten@example.org}\n";

    @TempDir
    Path dir;
    Path f;

    @BeforeEach
    void setUp() {
        f = dir.resolve("wachposten.yaml");
    }

    /** An office {@code presse} at line 2 whose single sink starts at line 4. */
    private String sink(String body) {
        return "offices:\n  - id: presse\n    sinks:\n" + ("- " + body.indent(2).substring(2)).indent(6);
    }

    @Test
    void reportsAMissingOfficeIdByPosition() {
        assertThat(errors(dir, "offices:\n  - id: presse\n  - name: Pressestelle\n"))
                .containsExactly(f + ":3: missing key 'id' in offices[1]");
    }

    @Test
    void reportsABadOfficeId() {
        assertThat(errors(dir, "offices:\n  - id: SMS Presse\n")).containsExactly(f + ":2: bad office id 'SMS Presse' "
                + "(expected lower-case letters, digits, '.', '_' and '-', starting with a letter or digit)");
    }

    @Test
    void reportsADuplicateOfficeIdAtTheSecondOccurrence() {
        assertThat(errors(dir, "offices:\n  - id: presse\n  - id: presse\n"))
                .containsExactly(f + ":3: duplicate office id 'presse' (first at line 2)");
    }

    @Test
    void reportsAnUnknownOfficeKey() {
        assertThat(errors(dir, "offices:\n  - id: presse\n    lang: en\n")).containsExactly(f + ":3: unknown key "
                + "'lang' in office 'presse' (expected one of: id, name, language, sinks, escalation)");
    }

    @Test
    void reportsABadMinSeverity() {
        assertThat(errors(dir, sink("type: webhook\nurl: https://alerts.example/hook\nmin_severity: urgent")))
                .containsExactly(f + ":6: min_severity in sink 'presse#0:webhook' must be info, low, medium, high or "
                        + "critical, not 'urgent'");
    }

    @Test
    void readsMinSeverityPerSink() throws Exception {
        java.nio.file.Files.writeString(f, sink("type: webhook\nurl: https://alerts.example/hook\nmin_severity: high"));
        Config c = ConfigLoader.load(f, java.util.Map.of());
        assertThat(c.offices().get(0).sinks().get(0).minSeverity()).isEqualTo(de.wachposten.model.Severity.HIGH);
    }

    @Test
    void reportsASinkWithoutType() {
        assertThat(errors(dir, sink("url: https://alerts.example/hook")))
                .containsExactly(f + ":4: missing key 'type' in sink 'presse#0'");
    }

    @Test
    void reportsAnUnknownSinkType() {
        assertThat(errors(dir, sink("type: pager"))).containsExactly(f + ":4: unknown sink type 'pager' in sink "
                + "'presse#0' (expected one of: webhook, email, slack, mattermost, teams, matrix, alertmanager)");
    }

    @Test
    void reportsAKeyThatTheSinkTypeDoesNotTake() {
        assertThat(errors(dir, sink("type: slack\nurl: https://hooks.slack.example/T0\nsecret: abc")))
                .containsExactly(f + ":6: unknown key 'secret' in sink 'presse#0:slack' (expected one of: type, url, min_severity)");
    }

    @Test
    void reportsAMissingUrl() {
        assertThat(errors(dir, sink("type: alertmanager")))
                .containsExactly(f + ":4: missing key 'url' in sink 'presse#0:alertmanager'");
    }

    @Test
    void reportsAUrlThatIsNotHttp() {
        assertThat(errors(dir, sink("type: teams\nurl: ftp://alerts.example/"))).containsExactly(f + ":5: 'url' in "
                + "sink 'presse#0:teams' must be an absolute http or https URL, not 'ftp://alerts.example/'");
    }

    @Test
    void reportsAWebhookSecretThatIsNotWhsec() {
        assertThat(errors(dir, sink("type: webhook\nurl: https://alerts.example/hook\nsecret: hunter2")))
                .containsExactly(
                f + ":6: webhook secret in sink 'presse#0:webhook' must be whsec_ followed by a base64 key");
    }

    @Test
    void reportsAnEmailSinkWithoutTheSmtpBlock() {
        assertThat(errors(dir, sink("type: email\nto: [presse@sms.example]"))).containsExactly(f + ":4: sink "
                + "'presse#0:email' sends e-mail, but the top-level 'smtp' block is missing");
    }

    @Test
    void reportsAnEmailSinkWithoutRecipients() {
        assertThat(errors(dir, SMTP + sink("type: email\nto: []")))
                .containsExactly(f + ":6: 'to' in sink 'presse#0:email' must list at least one e-mail address");
    }

    @Test
    void reportsABadEmailAddress() {
        assertThat(errors(dir, SMTP + sink("type: email\nto:\n  - presse@sms.example\n  - presse")))
                .containsExactly(f + ":8: bad e-mail address 'presse' in sink 'presse#0:email'");
    }

    @Test
    void reportsAMatrixSinkWithoutRoomAndToken() {
        assertThat(errors(dir, sink("type: matrix\nurl: https://matrix.example"))).containsExactly(
                f + ":4: missing key 'room' in sink 'presse#0:matrix'",
                f + ":4: missing key 'access_token' in sink 'presse#0:matrix'");
    }
}
