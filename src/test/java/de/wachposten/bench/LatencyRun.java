package de.wachposten.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the publish-to-webhook latency benchmarks share: a webhook receiver that notes when each post's alert
 * arrives, publishing at a fixed rate, waiting for the deliveries and the percentile report.
 */
final class LatencyRun {
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private HttpServer hook;

    /** Starts the receiver on loopback with Logback at WARN, so that the run's own logging costs little. */
    static LatencyRun start(Vertx vertx) throws Exception {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        LatencyRun run = new LatencyRun();
        run.hook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            long now = System.nanoTime();
            run.delivered.putIfAbsent(new JsonObject(b).getJsonObject("post").getString("text"), now);
            req.response().setStatusCode(204).end();
        }));
        run.hook.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        return run;
    }

    /** The receiver's URL for the office's webhook sink. */
    String hookUrl() {
        return "http://127.0.0.1:" + hook.actualPort() + "/hook";
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
