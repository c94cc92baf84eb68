package de.wachposten.app;

import de.wachposten.config.Config;
import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real pieces for end-to-end tests: the platform simulator, a signature-checking webhook receiver, a config
 * file in a temp dir, and the daemon (in-process or as a child JVM), all on loopback.
 */
public final class DaemonHarness implements AutoCloseable {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ANNA = "token-anna";
    static final String BERND = "token-bernd";

    final Vertx vertx = Vertx.vertx();
    final PlatformSimulator sim;
    final WebhookReceiver hook;
    final Path dir;
    final int apiPort;
    private final HttpClient http = HttpClient.newHttpClient();

    DaemonHarness(Path dir) throws Exception {
        this.dir = dir;
        this.sim = new PlatformSimulator(vertx, Clock.systemUTC()).start().await(10, TimeUnit.SECONDS);
        this.hook = WebhookReceiver.start(vertx, SECRET);
        this.apiPort = freePort();
    }

    /** Writes the config: an SMS channel under the four-eyes office-hours policy and a police channel without one. */
    Path writeConfig(String pollInterval) throws IOException {
        String yaml = """
                server:
                  host: 127.0.0.1
                  port: %d
                store:
                  path: %s
                policies:
                  four-eyes-office-hours:
                    approval: required
                    hours: ["Mon-Fri 07:00-19:00"]
                    timezone: Europe/Berlin
                offices:
                  - id: sms-presse
                    language: en
                    sinks:
                      - type: webhook
                        url: %s
                        secret: %s
                users:
                  - id: anna
                    roles: [drafter]
                    offices: [sms-presse]
                    token_sha256: %s
                  - id: bernd
                    roles: [approver]
                    offices: [sms-presse]
                    token_sha256: %s
                channels:
                  - id: sms
                    platform: mastodon
                    account: SMS_Sachsen
                    base_url: %s
                    office: sms-presse
                    poll_interval: %s
                    policy: four-eyes-office-hours
                  - id: polizei
                    platform: mastodon
                    account: polizeisachsen
                    base_url: %s
                    office: sms-presse
                    poll_interval: %s
                    policy:
                      hours: ["Mon-Fri 07:00-19:00"]
                """.formatted(apiPort, dir.resolve("wachposten.db"), hook.url(), SECRET, TokenCommand.sha256Hex(ANNA),
                TokenCommand.sha256Hex(BERND), sim.baseUrl(), pollInterval, sim.baseUrl(), pollInterval);
        Path file = dir.resolve("wachposten.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    Daemon startDaemon(Path configFile) throws Exception {
        Config config = ConfigLoader.load(configFile, Map.of());
        return Daemon.start(config, Wiring.defaults()).await(30, TimeUnit.SECONDS);
    }

    SimAccount account(String username) {
        return sim.mastodon().account(username, username);
    }

    String publish(SimAccount account, String text, String berlinLocal, String client) {
        return sim.mastodon().publish(account, text, berlin(berlinLocal), client);
    }

    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    }

    HttpResponse<String> post(String path, String token, JsonObject body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts {@code wachposten args…} in a child JVM with the test classpath; output goes to {@code log}. */
    public static Process startChild(Path log, String... args) throws IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                "de.wachposten.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        hook.close();
        sim.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }
}
