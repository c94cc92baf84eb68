package de.wachposten.bench;

import de.wachposten.app.Daemon;
import de.wachposten.app.Wiring;
import de.wachposten.config.Config;
import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.bluesky.BlueskySimulator;
import de.wachposten.simulator.bluesky.SimActor;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        quietLogs();
        Vertx vertx = Vertx.vertx();
        Map<String, Long> published = new ConcurrentHashMap<>();
        Map<String, Long> delivered = new ConcurrentHashMap<>();
        HttpServer hook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            long now = System.nanoTime();
            delivered.putIfAbsent(new JsonObject(b).getJsonObject("post").getString("text"), now);
            req.response().setStatusCode(204).end();
        }));
        hook.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        PlatformSimulator sim = new PlatformSimulator(vertx, Clock.systemUTC());
        sim.start().await(10, TimeUnit.SECONDS);
        SimActor actor = sim.bluesky().actor("sms.sachsen.de", "Sozialministerium Sachsen");
        Path dir = Files.createTempDirectory("wachposten-bench");
        Config config = ConfigLoader.load(writeConfig(dir), Map.of("SIM", sim.baseUrl(), "JET", "ws://127.0.0.1:"
                + sim.port(), "HOOK", "http://127.0.0.1:" + hook.actualPort() + "/hook", "STORE",
                dir.resolve("b.db").toString()));
        Daemon daemon = Daemon.start(config, Wiring.defaults()).await(30, TimeUnit.SECONDS);
        while (sim.bluesky().jetstream().open() == 0) {
            Thread.sleep(50);
        }
        sim.bluesky().publish(actor, "History", Instant.now().minusSeconds(3600)); // wakes the first poll: history
        Thread.sleep(3_000);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < posts; i++) {
            long wait = start + i * periodNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String text = "Bench post " + i;
            published.put(text, System.nanoTime());
            sim.bluesky().publish(actor, text, Instant.now());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (delivered.size() < posts && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        report(posts, rate, published, delivered);
        System.out.printf("AppView requests: getAuthorFeed=%d getPosts=%d getProfile=%d (the simulator allows 3000 "
                + "per 5 minutes)%n", sim.requestCount(BlueskySimulator.ROUTE_FEED, null),
                sim.requestCount(BlueskySimulator.ROUTE_POSTS, null),
                sim.requestCount(BlueskySimulator.ROUTE_PROFILE, null));
        daemon.stop().await(20, TimeUnit.SECONDS);
        sim.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
        System.exit(0);
    }

    private static void report(int posts, int rate, Map<String, Long> published, Map<String, Long> delivered) {
        List<Double> ms = new ArrayList<>();
        published.forEach((text, t0) -> {
            Long t1 = delivered.get(text);
            if (t1 != null) {
                ms.add((t1 - t0) / 1e6);
            }
        });
        Collections.sort(ms);
        System.out.printf("posts=%d rate=%d/s poll_interval=10m jetstream=on delivered=%d%n", posts, rate, ms.size());
        if (!ms.isEmpty()) {
            System.out.printf("publish->webhook latency ms: min=%.0f p50=%.0f p90=%.0f p99=%.0f max=%.0f%n",
                    ms.get(0), pct(ms, 50), pct(ms, 90), pct(ms, 99), ms.get(ms.size() - 1));
        }
    }

    private static double pct(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
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

    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
