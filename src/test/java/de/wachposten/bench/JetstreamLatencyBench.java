package de.wachposten.bench;

import de.wachposten.app.Daemon;
import de.wachposten.app.Wiring;
import de.wachposten.config.Config;
import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.bluesky.BlueskySimulator;
import de.wachposten.simulator.bluesky.SimActor;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Latency from a Bluesky post appearing at the simulator to the alert's delivery at a webhook when the channel is
 * pushed by Jetstream: the real daemon (SQLite store, Bluesky connector with {@code jetstream_url}, pipeline, outbox,
 * webhook sink) polls the channel only every 10 minutes, so every delivery inside the run is the work of a Jetstream
 * frame waking the poller. Not a test: run it with any Java launcher on the test classpath,
 * {@code de.wachposten.bench.JetstreamLatencyBench [posts] [posts per second]} (defaults 300 and 5).
 */
public final class JetstreamLatencyBench {
    private JetstreamLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Vertx vertx = Vertx.vertx();
        LatencyRun run = LatencyRun.start(vertx);
        PlatformSimulator sim = new PlatformSimulator(vertx, Clock.systemUTC());
        sim.start().await(10, TimeUnit.SECONDS);
        SimActor actor = sim.bluesky().actor("sms.sachsen.de", "Sozialministerium Sachsen");
        Path dir = Files.createTempDirectory("wachposten-bench");
        Config config = ConfigLoader.load(writeConfig(dir), Map.of("SIM", sim.baseUrl(), "JET", "ws://127.0.0.1:"
                + sim.port(), "HOOK", run.hookUrl(), "STORE",
                dir.resolve("b.db").toString()));
        Daemon daemon = Daemon.start(config, Wiring.defaults()).await(30, TimeUnit.SECONDS);
        while (sim.bluesky().jetstream().open() == 0) {
            Thread.sleep(50);
        }
        sim.bluesky().publish(actor, "History", Instant.now().minusSeconds(3600)); // wakes the first poll: history
        Thread.sleep(3_000);
        run.publishAndWait(posts, rate, text -> sim.bluesky().publish(actor, text, Instant.now()));
        run.report(String.format("posts=%d rate=%d/s poll_interval=10m jetstream=on", posts, rate));
        System.out.printf("AppView requests: getAuthorFeed=%d getPosts=%d getProfile=%d (the simulator allows 3000 "
                + "per 5 minutes)%n", sim.requestCount(BlueskySimulator.ROUTE_FEED, null),
                sim.requestCount(BlueskySimulator.ROUTE_POSTS, null),
                sim.requestCount(BlueskySimulator.ROUTE_PROFILE, null));
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
                  - id: sms-bluesky
                    platform: bluesky
                    account: sms.sachsen.de
                    base_url: ${SIM}
                    jetstream_url: ${JET}
                    office: sms-presse
                    poll_interval: 10m
                    policy:
                      approval: required
                """);
        return f;
    }
}
