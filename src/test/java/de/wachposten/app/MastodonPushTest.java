package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Mastodon channel with an access token listens to the streaming API: a new status is polled at once. */
class MastodonPushTest {
    /** Friday 8 January 2016, 06:30 in Dresden: outside office hours. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-01-08T05:30:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    private Vertx vertx;
    private PlatformSimulator sim;
    private WebhookReceiver receiver;
    private Daemon daemon;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        sim = new PlatformSimulator(vertx, CLOCK);
        sim.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        receiver = WebhookReceiver.start(vertx, SECRET, CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            daemon.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        receiver.close();
        sim.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStatusPushedByTheStreamingApiIsPolledAtOnceDespiteAnHourLongPollInterval(@TempDir Path dir)
            throws Exception {
        MastodonSimulator mastodon = sim.mastodon();
        SimAccount sms = mastodon.account("sms", "Sozialministerium");
        mastodon.grantStreamingToken(sms, "stream-token-1");
        daemon = Daemon.start(ConfigLoader.load(config(dir), Map.of("HOOK_SECRET", SECRET, "MASTODON_TOKEN",
                "stream-token-1")), Wiring.defaults().withClock(CLOCK)).toCompletionStage().toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> mastodon.openStreams() == 1);

        mastodon.publish(sms, "Schon vor dem ersten Abruf da", CLOCK.instant().minusSeconds(60), "Web");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusRequests() >= 1);
        String id = mastodon.publish(sms, "Beitrag vom privaten PC", CLOCK.instant(), "Web");
        JsonObject alert = receiver.awaitAccepted(1).getFirst().body();

        // after the first poll the schedule waits an hour: only the pushed event can have fetched this status
        assertThat(alert.getJsonObject("post").getString("id")).isEqualTo(id);
        assertThat(alert.getJsonArray("reasons").encode()).contains("outside_hours");
    }

    @Test
    void aRefusedStreamLeavesTheChannelPolled(@TempDir Path dir) throws Exception {
        MastodonSimulator mastodon = sim.mastodon();
        mastodon.account("sms", "Sozialministerium");
        Path config = config(dir);
        Files.writeString(config, Files.readString(config).replace("poll_interval: 1h", "poll_interval: 200ms"));
        daemon = Daemon.start(ConfigLoader.load(config, Map.of("HOOK_SECRET", SECRET, "MASTODON_TOKEN",
                "not-granted")), Wiring.defaults().withClock(CLOCK)).toCompletionStage().toCompletableFuture()
                .get(20, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).until(() -> statusRequests() >= 3);
        assertThat(mastodon.openStreams()).isZero();
    }

    private int statusRequests() {
        return sim.requestCount(MastodonSimulator.ROUTE_STATUSES, "sms");
    }

    private Path config(Path dir) throws Exception {
        Path config = dir.resolve("wachposten.yaml");
        Files.writeString(config, """
                server:
                  port: 0
                store:
                  path: %s
                offices:
                  - id: sms-presse
                    sinks:
                      - type: webhook
                        url: %s
                        secret: ${HOOK_SECRET}
                channels:
                  - id: sms-mastodon
                    platform: mastodon
                    account: sms
                    base_url: %s
                    credentials:
                      access_token: ${MASTODON_TOKEN}
                    office: sms-presse
                    poll_interval: 1h
                    policy:
                      approval: none
                      hours: ["Mon-Fri 07:00-19:00"]
                      timezone: Europe/Berlin
                """.formatted(dir.resolve("wp.db"), receiver.url(), sim.baseUrl()));
        return config;
    }
}
