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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takeover benchmark (README, Several instances): N daemon processes on one PostgreSQL database share C Mastodon
 * channels; K times, one of them (in turn) is killed with SIGKILL and the time until every channel it held has been
 * polled again by the others is measured from the simulator's request log; then it is restarted and the cluster
 * waits until it holds its share again. Prints p50 and max over the kills and the heap per instance (from each
 * daemon's /metrics). Not part of the test run:
 * {@code java -cp target/classes:target/test-classes:<deps> de.wachposten.bench.TakeoverBench 3 200 10 3s 1s}
 * (instances, channels, kills, lease_ttl, poll interval).
 */
public final class TakeoverBench {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");

    private TakeoverBench() {}

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int kills = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String ttl = args.length > 3 ? args[3] : "3s";
        String interval = args.length > 4 ? args[4] : "1s";
        Vertx vertx = Vertx.vertx();
        PlatformSimulator sim = new PlatformSimulator(vertx, Clock.systemUTC()).start().await(10, TimeUnit.SECONDS);
        sim.mastodon().setRateLimit(1_000_000, 1_000_000, Instant.now().plusSeconds(86_400));
        WebhookReceiver hook = WebhookReceiver.start(vertx, SECRET);
        List<SimChannel> fleet = new ArrayList<>();
        Map<String, String> keyOfLease = new HashMap<>();
        for (int i = 0; i < channels; i++) {
            SimChannel c = SimChannel.create(sim, "mastodon", i);
            fleet.add(c);
            keyOfLease.put("channel:" + c.id(), c.faultKey());
        }
        String jdbcUrl = PostgresServer.get().createDatabase();
        Path dir = Files.createTempDirectory("wachposten-takeover");
        List<DaemonProcess> daemons = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            int port = freePort();
            ports.add(port);
            Path config = writeConfig(dir, "wp-" + i, port, jdbcUrl, ttl, interval, fleet, hook.url());
            daemons.add(DaemonProcess.start("wp-" + i, config, Map.of(), List.of("-Xmx256m")));
        }
        HttpClient http = HttpClient.newHttpClient();
        awaitShares(jdbcUrl, instances, channels, 180);
        List<Long> takeovers = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            DaemonProcess victim = daemons.get(k % instances);
            Set<String> held = held(jdbcUrl).getOrDefault(victim.name(), Set.of());
            victim.kill();
            long killedAt = System.nanoTime();
            Set<String> pending = new HashSet<>();
            held.forEach(l -> pending.add(keyOfLease.get(l)));
            long last = killedAt;
            long deadline = killedAt + TimeUnit.SECONDS.toNanos(120);
            int seen = 0;
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                List<SimRequest> log = sim.faults().requests();
                for (int i = seen; i < log.size(); i++) {
                    SimRequest r = log.get(i);
                    if (r.receivedNanos() > killedAt && MastodonSimulator.ROUTE_STATUSES.equals(r.route())
                            && pending.remove(r.account())) {
                        last = Math.max(last, r.receivedNanos());
                    }
                }
                seen = log.size();
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(last - killedAt);
            System.out.printf("kill %d: %s held %d channels, all polled again after %s%n", k + 1, victim.name(),
                    held.size(), pending.isEmpty() ? ms + " ms" : "NOT within 120 s (" + pending.size() + " left)");
            if (pending.isEmpty()) {
                takeovers.add(ms);
            }
            sim.faults().clearRequests();
            victim.start();
            awaitShares(jdbcUrl, instances, channels, 120);
        }
        List<Long> sorted = takeovers.stream().sorted().toList();
        System.out.printf("instances=%d channels=%d lease_ttl=%s poll_interval=%s kills=%d measured=%d"
                        + " takeover p50=%d ms max=%d ms load=%s%n", instances, channels, ttl, interval, kills,
                sorted.size(), sorted.isEmpty() ? -1 : sorted.get((sorted.size() - 1) / 2),
                sorted.isEmpty() ? -1 : sorted.getLast(), Files.readString(Path.of("/proc/loadavg")).trim());
        for (int i = 0; i < instances; i++) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(i)
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            double heap = 0;
            Matcher m = HEAP.matcher(metrics);
            while (m.find()) {
                heap += Double.parseDouble(m.group(1));
            }
            System.out.printf("%s heap used %.1f MiB%n", daemons.get(i).name(), heap / (1024 * 1024));
        }
        System.out.println("daemon logs in " + dir);
        for (DaemonProcess d : daemons) {
            d.stop(30);
        }
        hook.close();
        sim.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
        System.exit(0);
    }

    /** Waits until every instance holds a live share and every channel has a live lease. */
    private static void awaitShares(String jdbcUrl, int instances, int channels, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Map<String, Set<String>> held;
            try {
                held = held(jdbcUrl);
            } catch (java.sql.SQLException notYet) { // the first instance has not created the schema yet
                Thread.sleep(250);
                continue;
            }
            if (held.size() == instances && held.values().stream().mapToInt(Set::size).sum() == channels) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the instances did not share the channels within " + seconds + " s");
    }

    private static Map<String, Set<String>> held(String jdbcUrl) throws Exception {
        return StoreChecks.liveChannelLeases(jdbcUrl);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path writeConfig(Path dir, String name, int port, String jdbcUrl, String ttl, String interval,
                                    List<SimChannel> fleet, String hookUrl) throws Exception {
        StringBuilder y = new StringBuilder();
        y.append("server:\n  host: 127.0.0.1\n  port: ").append(port)
                .append("\nstore:\n  jdbc_url: ").append(jdbcUrl).append("?ApplicationName=").append(name)
                .append("\n  user: postgres\narchive:\n  index_path: ").append(dir.resolve(name + "-index"))
                .append("\ncluster:\n  instance: ").append(name).append("\n  lease_ttl: ").append(ttl)
                .append("\npolicies:\n  four-eyes:\n    approval: required\noffices:\n  - id: presse\n    sinks:\n")
                .append("      - type: webhook\n        url: ").append(hookUrl)
                .append("\n        secret: ").append(SECRET).append("\nchannels:\n");
        fleet.forEach(c -> y.append(c.yaml("presse", interval, "four-eyes")));
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, y);
        return f;
    }
}
