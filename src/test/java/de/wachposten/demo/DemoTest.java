package de.wachposten.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.app.DaemonHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --exit-when-done} as a user runs it, in its own JVM: it prints the 06:30 alert and exits 0. */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void theDemoPrintsThe0630AlertAndTheDormantChannelAlert() throws Exception {
        Path log = dir.resolve("demo.log");
        Process p = DaemonHarness.startChild(log, "demo", "--exit-when-done");
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("HTTP 403 four-eyes: bernd cannot approve a text drafted by bernd");
        assertThat(out).contains("[Fri 08.01.2016 06:30] @SMS_Sachsen posts from a private PC, without approval:");
        assertThat(out).contains("  posted    Fri 08.01.2016 06:30 Europe/Berlin  via Twitter for Windows");
        assertThat(out).contains("  reasons   unapproved: no approval matches");
        assertThat(out).contains("            outside_hours: Fri 06:30 Europe/Berlin; allowed Mon-Fri 07:00-19:00");
        assertThat(out).contains("severity CRITICAL");
        assertThat(out).contains("flagged_content: matches rule de-dehumanizing-vermin").contains(": Ungeziefer");
        assertThat(out).contains("deleted: the post disappeared from the platform");
        assertThat(out).contains("dormant_channel: the channel is dormant: no post is expected");
        assertThat(out).contains("signature valid").doesNotContain("signature INVALID");
        assertThat(out).contains("every expected alert was delivered");
    }
}
