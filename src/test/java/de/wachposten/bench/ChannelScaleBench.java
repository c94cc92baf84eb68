package de.wachposten.bench;

import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.testkit.SimChannel;
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
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Scale benchmark (README, Scale and isolation): N channels spread evenly over every platform at one poll
 * interval against the simulator, the daemon in its own JVM with {@code -Xmx512m}. Phases: warm-up (first polls
 * spread over the interval), steady state, then one platform hangs for 60 s (every request held 60 s), then the
 * rest. Reports per phase and platform the poll lateness ({@code wachposten_poll_lateness_seconds}), the maximum, the
 * peak heap and the process CPU, all read from the daemon's /metrics, and the poll delays as the platforms saw them
 * ({@link PlatformSideGaps}). Not part of the test run:
 * {@code java -cp target/classes:target/test-classes:<deps> de.wachposten.bench.ChannelScaleBench 10000 60s 420 twitter}.
 */
public final class ChannelScaleBench {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Duration HANG = Duration.ofSeconds(60);

    private ChannelScaleBench() {}

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String interval = args.length > 1 ? args[1] : "60s";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 420;
        String hanging = args.length > 3 ? args[3] : "twitter";
        Vertx vertx = Vertx.vertx();
        PlatformSimulator sim = new PlatformSimulator(vertx, Clock.systemUTC()).start().await(10, TimeUnit.SECONDS);
        WebhookReceiver hook = WebhookReceiver.start(vertx, SECRET);
        // One simulator stands for many hosts and credentials: no shared rate-limit window across the fleet.
        sim.mastodon().setRateLimit(1_000_000, 1_000_000, Instant.now().plusSeconds(3600));
        sim.twitter().setRateLimit(100_000_000);
        sim.bluesky().setRateLimit(100_000_000);
        List<SimChannel> fleet = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            SimChannel c = SimChannel.create(sim, SimChannel.PLATFORMS.get(i % SimChannel.PLATFORMS.size()), i);
            c.publish("Archiv " + i, Instant.parse("2016-01-07T12:00:00Z"));
            fleet.add(c);
        }
        Path dir = Files.createTempDirectory("wachposten-bench");
        int port = freePort();
        Path config = writeConfig(dir, port, fleet, interval, hook.url());
        Process daemon = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "de.wachposten.Main", "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
        LatenessReport report = new LatenessReport(SimChannel.PLATFORMS);
        HttpClient http = HttpClient.newHttpClient();
        Random rnd = new Random(42);
        long start = System.nanoTime();
        long warmEnd = start + TimeUnit.SECONDS.toNanos(Math.min(seconds / 4, 90));
        long hangStart = warmEnd + TimeUnit.SECONDS.toNanos(Math.max(60, (seconds - 90) / 3));
        long hangEnd = hangStart + HANG.toNanos();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        String phase = "warm-up";
        String metrics = "";
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            for (int i = 0; i < 2; i++) {   // two new posts a second somewhere in the fleet
                fleet.get(rnd.nextInt(channels)).publish("Neu " + System.nanoTime(), Instant.now());
            }
            try {
                metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.io.IOException notYet) {
                continue;
            }
            long now = System.nanoTime();
            String next = now < warmEnd ? "warm-up" : now < hangStart ? "steady" : now < hangEnd ? "hang" : "after";
            if (!next.equals(phase)) {
                report.phaseEnds(phase, metrics);
                phase = next;
                if (phase.equals("hang")) {
                    fleet.stream().filter(c -> c.platform().equals(hanging))
                            .forEach(c -> sim.faults().inject(c.faultKey(), Fault.slow(HANG), 10_000));
                    System.out.printf("%s hangs for %d s (every request held %d s)%n", hanging, HANG.toSeconds(),
                            HANG.toSeconds());
                } else if (phase.equals("after")) {
                    sim.faults().clear();
                }
            }
            report.sample(phase, metrics);
        }
        report.phaseEnds(phase, metrics);
        System.out.printf("channels=%d (%d per platform) interval=%s run=%ds hanging=%s alerts=%d load=%s%n", channels,
                channels / SimChannel.PLATFORMS.size(), interval, seconds, hanging, hook.received().size(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        report.print(hanging);
        Duration longest = Duration.parse("PT" + interval.toUpperCase(java.util.Locale.ROOT)).multipliedBy(11).dividedBy(10);
        PlatformSideGaps gaps = PlatformSideGaps.of(sim.faults().requests(), fleet, hanging, longest);
        System.out.println(gaps.describe("steady", warmEnd, hangStart));
        System.out.println(gaps.describe("hang", hangStart, hangEnd + longest.toNanos()));
        Files.writeString(dir.resolve("last-metrics.txt"), metrics);
        System.out.println("daemon log and last metrics in " + dir);
        daemon.destroy();
        daemon.waitFor(30, TimeUnit.SECONDS);
        hook.close();
        sim.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path writeConfig(Path dir, int port, List<SimChannel> fleet, String interval, String hookUrl)
            throws Exception {
        StringBuilder y = new StringBuilder();
        y.append("server:\n  host: 127.0.0.1\n  port: ").append(port).append("\nstore:\n  path: ")
                .append(dir.resolve("bench.db")).append("\npolicies:\n  office-hours:\n    approval: required\n")
                .append("    hours: [\"Mon-Fri 07:00-19:00\"]\noffices:\n  - id: presse\n    sinks:\n")
                .append("      - type: webhook\n        url: ").append(hookUrl)
                .append("\n        secret: ").append(SECRET).append("\nchannels:\n");
        fleet.forEach(c -> y.append(c.yaml("presse", interval, "office-hours")));
        Path f = dir.resolve("bench.yaml");
        Files.writeString(f, y);
        return f;
    }
}
