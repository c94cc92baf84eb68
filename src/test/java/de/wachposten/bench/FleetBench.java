package de.wachposten.bench;

import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.testkit.DaemonProcess;
import de.wachposten.testkit.PostgresServer;
import de.wachposten.testkit.SimChannel;
import de.wachposten.testkit.StoreChecks;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fleet benchmark (README, Several instances): N daemon processes on one PostgreSQL database share C Mastodon
 * channels polled every I; after every channel is leased and a warm-up of one interval, it measures for M minutes
 * while a few posts per second arrive on random channels:
 * <ul>
 *   <li>poll lateness (a poll's start against its schedule) from each daemon's {@code wachposten_poll_lateness_seconds}
 *       histogram: the counts gained during the measurement, summed over the instances, give p50 and p99 as the
 *       bucket bound they fall in; the maximum is the largest {@code _max} any instance reported during the run;</li>
 *   <li>polls per channel in the window, from the simulator's request log (every channel should be polled about
 *       M / I times), and the largest gap between two polls of one channel;</li>
 *   <li>heap used per instance ({@code jvm_memory_used_bytes{area="heap"}}) at the end, and the posts alerted.</li>
 * </ul>
 * Not part of the test run:
 * {@code java -cp target/classes:target/test-classes:<deps> de.wachposten.bench.FleetBench 3 30000 60s 5 2}
 * (instances, channels, poll interval, measured minutes, posts per second).
 */
public final class FleetBench {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");
    private static final Pattern BUCKET = Pattern.compile(
            "wachposten_poll_lateness_seconds_bucket\\{le=\"([^\"]+)\",platform=\"mastodon\"} ([0-9.E+]+)");
    private static final Pattern MAX = Pattern.compile(
            "wachposten_poll_lateness_seconds_max\\{platform=\"mastodon\"} ([0-9.E+]+)");

    private FleetBench() {}

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        String interval = args.length > 2 ? args[2] : "60s";
        int minutes = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        double postsPerSecond = args.length > 4 ? Double.parseDouble(args[4]) : 2;
        Duration every = Duration.parse("PT" + interval.toUpperCase(Locale.ROOT));

        Vertx vertx = Vertx.vertx();
        PlatformSimulator sim = new PlatformSimulator(vertx, Clock.systemUTC()).start().await(10, TimeUnit.SECONDS);
        sim.mastodon().setRateLimit(1_000_000_000, 1_000_000_000, Instant.now().plusSeconds(86_400));
        WebhookReceiver hook = WebhookReceiver.start(vertx, SECRET);
        List<SimChannel> fleet = new ArrayList<>(channels);
        Map<String, Integer> indexOfKey = new HashMap<>();
        for (int i = 0; i < channels; i++) {
            SimChannel c = SimChannel.create(sim, "mastodon", i);
            fleet.add(c);
            indexOfKey.put(c.faultKey(), i);
        }
        String jdbcUrl = PostgresServer.get().createDatabase();
        Path dir = Files.createTempDirectory("wachposten-fleet");
        List<DaemonProcess> daemons = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            int port = freePort();
            ports.add(port);
            Path config = writeConfig(dir, "wp-" + i, port, jdbcUrl, interval, fleet, hook.url());
            daemons.add(DaemonProcess.start("wp-" + i, config, Map.of(), List.of("-Xmx1g")));
        }
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        awaitLeases(jdbcUrl, instances, channels, 900);
        System.out.printf("all %d channels leased by %d instances after %d s%n", channels, instances,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        Thread.sleep(every.toMillis() + 5_000); // every channel has had its first poll and its first planned one

        Map<Double, Double> before = buckets(http, ports);
        sim.faults().clearRequests();
        long from = System.nanoTime();
        long until = from + TimeUnit.MINUTES.toNanos(minutes);
        double max = 0;
        int published = 0;
        Random rnd = new Random(30_000);
        long step = postsPerSecond > 0 ? (long) (1e9 / postsPerSecond) : Long.MAX_VALUE;
        long nextPost = from;
        long nextScrape = from;
        while (System.nanoTime() < until) {
            long now = System.nanoTime();
            if (now >= nextPost) {
                fleet.get(rnd.nextInt(channels)).publish("Beitrag " + published + " ohne Freigabe", Instant.now());
                published++;
                nextPost += step;
            }
            if (now >= nextScrape) {
                max = Math.max(max, maxLateness(http, ports));
                nextScrape += TimeUnit.SECONDS.toNanos(10);
            }
            Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(nextPost, nextScrape) - System.nanoTime())));
        }
        long measuredNanos = System.nanoTime() - from;
        max = Math.max(max, maxLateness(http, ports));
        Map<Double, Double> after = buckets(http, ports);

        // polls per channel and the largest gap between two polls of one channel, from the simulator's log
        int[] polls = new int[channels];
        long[] last = new long[channels];
        long worstGap = 0;
        for (SimRequest r : sim.faults().requests()) {
            Integer i = indexOfKey.get(r.account());
            if (i == null || !MastodonSimulator.ROUTE_STATUSES.equals(r.route())) {
                continue;
            }
            if (last[i] != 0 && r.receivedNanos() - last[i] > TimeUnit.SECONDS.toNanos(1)) {
                worstGap = Math.max(worstGap, r.receivedNanos() - last[i]);
            }
            if (r.receivedNanos() - last[i] > TimeUnit.SECONDS.toNanos(1)) {
                polls[i]++; // one poll may read several pages: count requests a second apart as separate polls
            }
            last[i] = r.receivedNanos();
        }
        int never = 0;
        int minPolls = Integer.MAX_VALUE;
        for (int p : polls) {
            never += p == 0 ? 1 : 0;
            minPolls = Math.min(minPolls, p);
        }
        double expected = (double) measuredNanos / every.toNanos();

        TreeMap<Double, Double> gained = new TreeMap<>();
        after.forEach((le, n) -> gained.put(le, n - before.getOrDefault(le, 0.0)));
        double total = gained.lastEntry().getValue();
        System.out.printf(Locale.ROOT, "instances=%d channels=%d poll_interval=%s measured=%.1f min posts=%d"
                        + " polls=%.0f (%.0f/s)%n", instances, channels, interval, measuredNanos / 6e10, published,
                total, total / (measuredNanos / 1e9));
        System.out.printf(Locale.ROOT, "poll lateness p50 <= %s, p99 <= %s, max %.3f s%n", bound(gained, 0.5),
                bound(gained, 0.99), max);
        System.out.printf(Locale.ROOT, "polls per channel in the window: expected %.1f, fewest %d, never polled %d;"
                + " largest gap between two polls of one channel %.1f s%n", expected, minPolls, never,
                worstGap / 1e9);
        System.out.println("lateness histogram (le -> polls): " + gained);
        for (int i = 0; i < instances; i++) {
            System.out.printf(Locale.ROOT, "%s heap used %.1f MiB, channels held %d%n", daemons.get(i).name(),
                    heap(http, ports.get(i)) / (1024 * 1024), held(jdbcUrl).getOrDefault(daemons.get(i).name(), 0));
        }
        System.out.printf("alerts delivered to the webhook: %d of %d posts; load %s%n", hook.acceptedIds().size(),
                published, Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("daemon logs in " + dir);
        for (DaemonProcess d : daemons) {
            d.stop(60);
        }
        hook.close();
        sim.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
        System.exit(0);
    }

    /** The smallest bucket bound under which at least {@code q} of the polls fall. */
    private static String bound(TreeMap<Double, Double> cumulative, double q) {
        double total = cumulative.lastEntry().getValue();
        for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
            if (e.getValue() >= q * total) {
                return e.getKey().isInfinite() ? "+Inf" : String.format(Locale.ROOT, "%.3f s", e.getKey());
            }
        }
        return "+Inf";
    }

    /** The lateness histogram's cumulative bucket counts, summed over the instances. */
    private static Map<Double, Double> buckets(HttpClient http, List<Integer> ports) throws Exception {
        Map<Double, Double> sum = new TreeMap<>();
        for (int port : ports) {
            Matcher m = BUCKET.matcher(metrics(http, port));
            while (m.find()) {
                double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                sum.merge(le, Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return sum;
    }

    private static double maxLateness(HttpClient http, List<Integer> ports) throws Exception {
        double max = 0;
        for (int port : ports) {
            Matcher m = MAX.matcher(metrics(http, port));
            if (m.find()) {
                max = Math.max(max, Double.parseDouble(m.group(1)));
            }
        }
        return max;
    }

    private static double heap(HttpClient http, int port) throws Exception {
        double heap = 0;
        Matcher m = HEAP.matcher(metrics(http, port));
        while (m.find()) {
            heap += Double.parseDouble(m.group(1));
        }
        return heap;
    }

    private static String metrics(HttpClient http, int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Waits until every instance holds a live share and every channel has a live lease. */
    private static void awaitLeases(String jdbcUrl, int instances, int channels, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                Map<String, Integer> held = held(jdbcUrl);
                if (held.size() == instances && held.values().stream().mapToInt(Integer::intValue).sum() == channels) {
                    return;
                }
            } catch (java.sql.SQLException notYet) { // the first instance has not created the schema yet
                // try again
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the instances did not lease all channels within " + seconds + " s");
    }

    /** The number of live channel leases by holder. */
    private static Map<String, Integer> held(String jdbcUrl) throws Exception {
        Map<String, Integer> held = new HashMap<>();
        StoreChecks.liveChannelLeases(jdbcUrl).forEach((holder, names) -> held.put(holder, names.size()));
        return held;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path writeConfig(Path dir, String name, int port, String jdbcUrl, String interval,
                                    List<SimChannel> fleet, String hookUrl) throws Exception {
        StringBuilder y = new StringBuilder();
        y.append("server:\n  host: 127.0.0.1\n  port: ").append(port)
                .append("\nstore:\n  jdbc_url: ").append(jdbcUrl).append("?ApplicationName=").append(name)
                .append("\n  user: postgres\narchive:\n  index_path: ").append(dir.resolve(name + "-index"))
                .append("\ncluster:\n  instance: ").append(name)
                .append("\npolicies:\n  four-eyes:\n    approval: required\noffices:\n  - id: presse\n    sinks:\n")
                .append("      - type: webhook\n        url: ").append(hookUrl)
                .append("\n        secret: ").append(SECRET).append("\nchannels:\n");
        fleet.forEach(c -> y.append(c.yaml("presse", interval, "four-eyes")));
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, y);
        return f;
    }
}
