package de.wachposten.app;

import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole daemon in-process: a config file in a temporary directory, the platform simulator with two Saxon channels
 * ({@code sms-sachsen} under the four-eyes rule, {@code polizei-sachsen} without), a webhook receiver as the press
 * office's sink, and the store file beside the config. Tokens: {@code demo-anna} (drafter), {@code demo-bernd}
 * (approver). Create the simulator's accounts before {@link #startDaemon(Clock)}.
 */
final class DaemonFixture implements AutoCloseable {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final Vertx vertx = Vertx.vertx();
    private final PlatformSimulator sim;
    private final WebhookReceiver receiver;
    private final Path configFile;
    private Daemon daemon;

    private DaemonFixture(Path dir, Clock clock) throws Exception {
        sim = new PlatformSimulator(vertx, clock);
        sim.start().await(10, TimeUnit.SECONDS);
        receiver = WebhookReceiver.start(vertx, SECRET, clock);
        configFile = dir.resolve("wachposten.yaml");
        Files.writeString(configFile, yaml(dir.resolve("wachposten.db"), sim.baseUrl(), receiver.url()));
    }

    /** Writes the config and starts simulator and receiver; the daemon starts with {@link #startDaemon(Clock)}. */
    static DaemonFixture prepare(Path dir, Clock clock) throws Exception {
        return new DaemonFixture(dir, clock);
    }

    DaemonFixture startDaemon(Clock clock) throws Exception {
        daemon = Daemon.start(ConfigLoader.load(configFile, Map.of()), Wiring.defaults().withClock(clock))
                .await(30, TimeUnit.SECONDS);
        return this;
    }

    /** Stops the daemon (closing its store) but keeps simulator and receiver. */
    void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.stop().await(20, TimeUnit.SECONDS);
            daemon = null;
        }
    }

    PlatformSimulator sim() {
        return sim;
    }

    WebhookReceiver receiver() {
        return receiver;
    }

    Daemon daemon() {
        return daemon;
    }

    Path configFile() {
        return configFile;
    }

    String api() {
        return "http://127.0.0.1:" + daemon.apiPort();
    }

    @Override
    public void close() throws Exception {
        stopDaemon();
        receiver.close();
        sim.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    private static String yaml(Path store, String simUrl, String hookUrl) {
        return """
                server:
                  host: 127.0.0.1
                  port: 0
                store:
                  path: %s
                policies:
                  four-eyes-office-hours:
                    approval: required
                    hours: ["Mon-Fri 07:00-19:00"]
                    timezone: Europe/Berlin
                    holidays: DE-SN
                offices:
                  - id: sms-presse
                    name: Pressestelle SMS
                    sinks:
                      - type: webhook
                        url: %s
                        secret: %s
                users:
                  - id: anna
                    roles: [drafter]
                    offices: [sms-presse]
                    token_sha256: d2bb2da0742816234b70e1e9552efd7290494d808362b940f4835e6641663ccd
                  - id: bernd
                    roles: [drafter, approver]
                    offices: [sms-presse]
                    token_sha256: 25cea19f7e44ef54a9cf756e46bb5ca38cc6e6d5b39acfb1da484c97496cd47b
                channels:
                  - id: sms-sachsen
                    platform: mastodon
                    account: SMS_Sachsen
                    base_url: %s
                    office: sms-presse
                    poll_interval: 200ms
                    policy: four-eyes-office-hours
                  - id: polizei-sachsen
                    platform: mastodon
                    account: polizeisachsen
                    base_url: %s
                    office: sms-presse
                    poll_interval: 200ms
                """.formatted(store, hookUrl, SECRET, simUrl, simUrl);
    }
}
