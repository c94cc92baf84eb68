package de.wachposten.bench;

import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scale benchmark (PRODUCT.md §9): N Mastodon channels at one poll interval against the simulator, the daemon in its
 * own JVM with a capped heap. Reports poll lateness (p50, p99, max from {@code wachposten_poll_lateness_seconds}),
 * peak heap and CPU, read from the daemon's /metrics. Not part of the test run:
 * {@code java -cp target/classes:target/test-classes:<deps> de.wachposten.bench.ChannelScaleBench 10000 60s 240}.
 */
public final class ChannelScaleBench {
    private static final Pattern BUCKET = Pattern.compile(
            "wachposten_poll_lateness_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.E+]+)");

    private ChannelScaleBench() {}

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String interval = args.length > 1 ? args[1] : "60s";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 240;
        Vertx vertx = Vertx.vertx();
        PlatformSimulator sim = new PlatformSimulator(vertx, Clock.systemUTC()).start().await(10, TimeUnit.SECONDS);
        WebhookReceiver hook = WebhookReceiver.start(vertx, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        MastodonSimulator m = sim.mastodon();
        // One simulated instance stands for a fleet spread over many hosts: no shared 300-per-5-minutes window.
        m.setRateLimit(1_000_000, 1_000_000, Instant.now().plusSeconds(3600));
        List<SimAccount> accounts = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            SimAccount a = m.account("acct" + i, "Kanal " + i);
            m.publish(a, "Archiv " + i, Instant.parse("2016-01-07T12:00:00Z"), "Web");
            accounts.add(a);
        }
        Path dir = Files.createTempDirectory("wachposten-bench");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = writeConfig(dir, port, channels, interval, sim.baseUrl(), hook.url());
        Process daemon = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "de.wachposten.Main", "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        Random rnd = new Random(42);
        double peakHeap = 0;
        double maxLateness = 0;
        double cpuSum = 0;
        int samples = 0;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long warm = start + TimeUnit.SECONDS.toNanos(Math.min(seconds / 3, 90));
        String metrics = "";
        String warmMetrics = null;
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            for (int i = 0; i < 2; i++) {   // two new posts a second somewhere in the fleet
                m.publish(accounts.get(rnd.nextInt(channels)), "Neu " + System.nanoTime(), Instant.now(), "Web");
            }
            try {
                metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.io.IOException notYet) {
                continue;
            }
            if (warmMetrics == null && System.nanoTime() > warm) {
                warmMetrics = metrics;
                maxLateness = 0;
            }
            peakHeap = Math.max(peakHeap, sum(metrics, "jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)"));
            maxLateness = Math.max(maxLateness, sum(metrics, "wachposten_poll_lateness_seconds_max\\{platform=\"mastodon\"} ([0-9.E+]+)"));
            cpuSum += sum(metrics, "process_cpu_usage ([0-9.E+]+)");
            samples++;
        }
        report(channels, interval, seconds, metrics, warmMetrics == null ? "" : warmMetrics, peakHeap, maxLateness,
                samples == 0 ? 0 : cpuSum / samples, hook.received().size());
        Files.writeString(dir.resolve("last-metrics.txt"), metrics);
        System.out.println("daemon log and last metrics in " + dir);
        daemon.destroy();
        daemon.waitFor(30, TimeUnit.SECONDS);
        hook.close();
        sim.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    private static void report(int channels, String interval, int seconds, String metrics, String warmMetrics,
                               double peakHeap, double maxLateness, double cpu, int alerts) {
        TreeMap<Double, Double> all = buckets(metrics);
        TreeMap<Double, Double> before = buckets(warmMetrics);
        TreeMap<Double, Double> steady = new TreeMap<>();
        all.forEach((le, n) -> steady.put(le, n - before.getOrDefault(le, 0.0)));
        double total = steady.isEmpty() ? 0 : steady.lastEntry().getValue();
        System.out.printf(Locale.ROOT, "channels=%d interval=%s run=%ds polls(all)=%.0f polls(steady)=%.0f alerts=%d%n",
                channels, interval, seconds, all.isEmpty() ? 0 : all.lastEntry().getValue(), total, alerts);
        System.out.printf(Locale.ROOT, "steady-state poll lateness: p50 <= %s s, p99 <= %s s, max %.3f s%n",
                quantile(steady, total, 0.50), quantile(steady, total, 0.99), maxLateness);
        System.out.println("steady lateness buckets (le -> polls): " + steady);
        Matcher r = Pattern.compile("wachposten_polls_total\\{platform=\"mastodon\",result=\"([a-z_]+)\"} ([0-9.E+]+)")
                .matcher(metrics);
        StringBuilder results = new StringBuilder("poll results:");
        while (r.find()) {
            if (Double.parseDouble(r.group(2)) > 0) {
                results.append(' ').append(r.group(1)).append('=').append(r.group(2));
            }
        }
        System.out.println(results);
        System.out.printf(Locale.ROOT, "heap: peak used %.1f MiB (cap -Xmx512m); process CPU average %.1f %% of the machine%n",
                peakHeap / 1024 / 1024, cpu * 100);
    }

    private static TreeMap<Double, Double> buckets(String metrics) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Matcher b = BUCKET.matcher(metrics);
        while (b.find()) {
            buckets.put(b.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(b.group(1)),
                    Double.parseDouble(b.group(2)));
        }
        return buckets;
    }

    private static String quantile(TreeMap<Double, Double> buckets, double total, double q) {
        for (var e : buckets.entrySet()) {
            if (e.getValue() >= q * total) {
                return String.valueOf(e.getKey());
            }
        }
        return "?";
    }

    private static double sum(String metrics, String regex) {
        Matcher m = Pattern.compile(regex).matcher(metrics);
        double s = 0;
        while (m.find()) {
            s += Double.parseDouble(m.group(1));
        }
        return s;
    }

    private static Path writeConfig(Path dir, int port, int channels, String interval, String simUrl, String hookUrl)
            throws Exception {
        StringBuilder y = new StringBuilder();
        y.append("server:\n  host: 127.0.0.1\n  port: ").append(port).append("\nstore:\n  path: ")
                .append(dir.resolve("bench.db")).append("\npolicies:\n  office-hours:\n    approval: required\n")
                .append("    hours: [\"Mon-Fri 07:00-19:00\"]\noffices:\n  - id: presse\n    sinks:\n")
                .append("      - type: webhook\n        url: ").append(hookUrl)
                .append("\n        secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\nchannels:\n");
        for (int i = 0; i < channels; i++) {
            y.append("  - {id: c").append(i).append(", platform: mastodon, account: acct").append(i)
                    .append(", base_url: \"").append(simUrl).append("\", office: presse, poll_interval: ")
                    .append(interval).append(", policy: office-hours}\n");
        }
        Path f = dir.resolve("bench.yaml");
        Files.writeString(f, y);
        return f;
    }
}
