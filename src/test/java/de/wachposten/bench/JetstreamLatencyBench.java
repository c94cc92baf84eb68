package de.wachposten.bench;

import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.bluesky.BlueskySimulator;
import de.wachposten.simulator.bluesky.SimActor;
import java.time.Instant;

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
        LatencyRun run = LatencyRun.start();
        PlatformSimulator sim = run.sim();
        SimActor actor = sim.bluesky().actor("sms.sachsen.de", "Sozialministerium Sachsen");
        run.startDaemon("""
                - id: sms-bluesky
                  platform: bluesky
                  account: sms.sachsen.de
                  base_url: ${SIM}
                  jetstream_url: ws://127.0.0.1:%d
                  office: sms-presse
                  poll_interval: 10m
                  policy:
                    approval: required
                """.formatted(sim.port()));
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
        run.close();
    }
}
