package de.wachposten.bench;

import de.wachposten.app.Daemon;
import de.wachposten.app.Wiring;
import de.wachposten.config.Config;
import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Latency from a post appearing at the platform simulator to the alert's delivery at a webhook: the real daemon
 * (SQLite store, Mastodon connector, pipeline, outbox, webhook sink) polls one channel every second; the harness
 * publishes posts at a steady rate and records, per post, the time from {@code publish} to the webhook request.
 * Not a test: run it with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=de.wachposten.bench.DeliveryLatencyBench}
 * or any Java launcher on the test classpath. Arguments: number of posts (default 1000), posts per second (default 10).
 */
public final class DeliveryLatencyBench {
    private DeliveryLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Vertx vertx = Vertx.vertx();
        LatencyRun run = LatencyRun.start(vertx);
        PlatformSimulator sim = new PlatformSimulator(vertx, Clock.systemUTC());
        sim.start().await(10, TimeUnit.SECONDS);
        SimAccount account = sim.mastodon().account("SMS_Sachsen", "Sozialministerium Sachsen");
        Path dir = Files.createTempDirectory("wachposten-bench");
        Config config = ConfigLoader.load(writeConfig(dir), Map.of("SIM", sim.baseUrl(),
                "HOOK", run.hookUrl(), "STORE", dir.resolve("b.db").toString()));
        Daemon daemon = Daemon.start(config, Wiring.defaults()).await(30, TimeUnit.SECONDS);
        Thread.sleep(3_000); // first poll: history is archived without alerting
        run.publishAndWait(posts, rate, text -> sim.mastodon().publish(account, text, Instant.now(), "Hootsuite"));
        run.report(String.format("posts=%d rate=%d/s poll_interval=1s", posts, rate));
        daemon.stop().await(20, TimeUnit.SECONDS);
        sim.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
        System.exit(0);
    }

    private static Path writeConfig(Path dir) throws Exception {
        Path f = dir.resolve("bench.yaml");
        Files.writeString(f, """
                server:
                  host: 127.0.0.1
                  port: 0
                store:
                  path: ${STORE}
                offices:
                  - id: sms-presse
                    sinks:
                      - type: webhook
                        url: ${HOOK}
                channels:
                  - id: sms-sachsen
                    platform: mastodon
                    account: SMS_Sachsen
                    base_url: ${SIM}
                    office: sms-presse
                    poll_interval: 1s
                    policy:
                      approval: required
                """);
        return f;
    }
}
