package de.wachposten.bench;

import de.wachposten.simulator.mastodon.SimAccount;
import java.time.Instant;

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
        LatencyRun run = LatencyRun.start();
        SimAccount account = run.sim().mastodon().account("SMS_Sachsen", "Sozialministerium Sachsen");
        run.startDaemon("""
                - id: sms-sachsen
                  platform: mastodon
                  account: SMS_Sachsen
                  base_url: ${SIM}
                  office: sms-presse
                  poll_interval: 1s
                  policy:
                    approval: required
                """);
        Thread.sleep(3_000); // first poll: history is archived without alerting
        run.publishAndWait(posts, rate, text -> run.sim().mastodon().publish(account, text, Instant.now(), "Hootsuite"));
        run.report(String.format("posts=%d rate=%d/s poll_interval=1s", posts, rate));
        run.close();
    }
}
