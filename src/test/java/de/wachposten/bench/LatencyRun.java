package de.wachposten.bench;

import de.wachposten.app.Daemon;
import de.wachposten.app.Wiring;
import de.wachposten.config.Config;
import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the publish-to-webhook latency benchmarks share: the simulator, a webhook receiver that notes when each
 * post's alert arrives, the real daemon with one office and the benchmark's channel, publishing at a fixed rate,
 * waiting for the deliveries and the percentile report.
 */
final class LatencyRun {
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final Vertx vertx = Vertx.vertx();
    private PlatformSimulator sim;
    private HttpServer hook;
    private Daemon daemon;

    /** Starts simulator and receiver on loopback with Logback at WARN, so that the run's own logging costs little. */
    static LatencyRun start() throws Exception {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        LatencyRun run = new LatencyRun();
        run.hook = run.vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            long now = System.nanoTime();
            run.delivered.putIfAbsent(new JsonObject(b).getJsonObject("post").getString("text"), now);
            req.response().setStatusCode(204).end();
        }));
        run.hook.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        run.sim = new PlatformSimulator(run.vertx, Clock.systemUTC());
        run.sim.start().await(10, TimeUnit.SECONDS);
        return run;
    }

    PlatformSimulator sim() {
        return sim;
    }

    /**
     * Starts the daemon on a store in a temporary directory with the office {@code sms-presse} (the receiver as its
     * webhook sink) and {@code channel}: one entry below {@code channels:}, {@code - id:} at the start of a line,
     * {@code ${SIM}} standing for the simulator's base URL.
     */
    void startDaemon(String channel) throws Exception {
        Path dir = Files.createTempDirectory("wachposten-bench");
        Path file = dir.resolve("bench.yaml");
        Files.writeString(file, """
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
                """ + channel.indent(2));
        Config config = ConfigLoader.load(file, Map.of("SIM", sim.baseUrl(), "HOOK",
                "http://127.0.0.1:" + hook.actualPort() + "/hook", "STORE", dir.resolve("b.db").toString()));
        daemon = Daemon.start(config, Wiring.defaults()).await(30, TimeUnit.SECONDS);
    }

    /** Stops daemon, simulator and Vert.x and ends the JVM. */
    void close() throws Exception {
        daemon.stop().await(20, TimeUnit.SECONDS);
        sim.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
        System.exit(0);
    }

    /** Publishes {@code posts} texts at {@code rate} per second through {@code publish}, then waits up to 60 s. */
    void publishAndWait(int posts, int rate, Consumer<String> publish) throws InterruptedException {
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < posts; i++) {
            long wait = start + i * periodNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String text = "Bench post " + i;
            published.put(text, System.nanoTime());
            publish.accept(text);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (delivered.size() < posts && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Prints {@code header} with the number delivered, then min, p50, p90, p99 and max in milliseconds. */
    void report(String header) {
        List<Double> ms = new ArrayList<>();
        published.forEach((text, t0) -> {
            Long t1 = delivered.get(text);
            if (t1 != null) {
                ms.add((t1 - t0) / 1e6);
            }
        });
        Collections.sort(ms);
        System.out.printf("%s delivered=%d%n", header, ms.size());
        if (!ms.isEmpty()) {
            System.out.printf("publish->webhook latency ms: min=%.0f p50=%.0f p90=%.0f p99=%.0f max=%.0f%n",
                    ms.get(0), pct(ms, 50), pct(ms, 90), pct(ms, 99), ms.get(ms.size() - 1));
        }
    }

    private static double pct(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
