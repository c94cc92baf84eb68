package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final String BROKEN_ERRORS = """
            F:2: unknown key 'prot' in server (expected one of: host, port, public_url, link_secret)
            F:7: unknown role 'boss' in user 'anna' (expected drafter, approver, viewer or admin)
            F:9: token_sha256 in user 'anna' must be 64 hexadecimal characters (use 'wachposten token' to make one)
            F:12: unknown platform 'myspace' in channel 'sms' (expected one of: twitter, facebook, instagram, youtube, flickr, mastodon, bluesky, rss)
            F:14: unknown office 'nowhere' in channel 'sms'
            F:15: bad poll interval '5x' in channel 'sms' (expected a whole number followed by ms, s, m, h or d, e.g. 60s)
            F:17: bad hours range 'Mon-Fri 19:00-07:00': end 07:00 is not after start 19:00
            F:18: duplicate channel id 'sms' (first at line 11)
            F:22: unknown policy 'four-eyes' in channel 'sms' (the file defines no policies)
            9 errors
            """;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return cli.execute(args);
    }

    private Path broken() throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.copy(Path.of("src/test/resources/config/broken.yaml"), f);
        return f;
    }

    @Test
    void checkPrintsEveryConfigErrorAsFileLineMessageAndExits2() throws Exception {
        Path f = broken();
        assertThat(run("check", "--config", f.toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(BROKEN_ERRORS.replace("F:", f + ":"));
    }

    @Test
    void runRefusesToStartWithTheSameMessages() throws Exception {
        Path f = broken();
        assertThat(run("run", "--config", f.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(BROKEN_ERRORS.replace("F:", f + ":") + "wachposten: not started: the config has errors\n");
    }

    /** A start that fails after the daemon's Vert.x was made (here: its port is taken) is reported, not left hanging. */
    @Test
    void runReportsAFailedStartAndExits1() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Path f = dir.resolve("taken.yaml");
            Files.writeString(f, """
                    server:
                      host: 127.0.0.1
                      port: %d
                    store:
                      path: %s
                    archive:
                      index_path: %s
                    offices:
                      - id: presse
                    """.formatted(taken.getLocalPort(), dir.resolve("w.db"), dir.resolve("index")));
            int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> run("run", "--config", f.toString()));
            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("wachposten: not started: ")
                    .contains(Integer.toString(taken.getLocalPort()));
        }
    }

    @Test
    void aStartFailureIsDescribedByTheFirstMessageAlongItsCauses() {
        assertThat(Cli.describe(new IllegalStateException("store gone"))).isEqualTo("store gone");
        assertThat(Cli.describe(new java.util.concurrent.CompletionException(null,
                new IllegalStateException("store gone")))).isEqualTo("store gone (CompletionException)");
        assertThat(Cli.describe(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void theShippedSaxonyAndExampleConfigsPassCheck() {
        assertThat(run("check", "--config", "config/saxony.yaml")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .endsWith("config/saxony.yaml: OK (51 channels, 27 offices, 4 users, 8 policies)\n");
        assertThat(run("check", "--config", "config/example.yaml")).isEqualTo(0);
    }

    @Test
    void tokenPrintsATokenAndItsSha256() {
        assertThat(run("token")).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        String token = lines[0].replace("token:", "").trim();
        String hash = lines[1].replace("token_sha256:", "").trim();
        assertThat(token).startsWith("wp_").hasSizeGreaterThan(40);
        assertThat(hash).isEqualTo(TokenCommand.sha256Hex(token)).matches("[0-9a-f]{64}");
    }

    @Test
    void unknownCommandsAndMissingOptionsAreUsageErrors() {
        assertThat(run("fly")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("wachposten: unknown command 'fly'");
        assertThat(run("check")).isEqualTo(64);
        assertThat(run()).isEqualTo(64);
    }
}
