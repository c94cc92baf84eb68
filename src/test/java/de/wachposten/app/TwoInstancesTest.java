package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.store.Store;
import de.wachposten.testkit.PostgresServer;
import de.wachposten.testkit.SimChannel;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons on one PostgreSQL database share the channels through their leases: each channel is polled by exactly
 * one of them, every post is stored and alerted once, and when one stops the other polls its channels within the
 * takeover bound.
 */
class TwoInstancesTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int CHANNELS = 12;

    @TempDir
    Path dir;
    private Vertx vertx;
    private PlatformSimulator sim;
    private WebhookReceiver receiver;
    private final List<Daemon> daemons = new ArrayList<>();

    private String jdbcUrl;

    @BeforeEach
    void start() throws Exception {
        jdbcUrl = PostgresServer.get().createDatabase();
        vertx = Vertx.vertx();
        sim = new PlatformSimulator(vertx, CLOCK);
        sim.start().await(10, TimeUnit.SECONDS);
        receiver = WebhookReceiver.start(vertx, SimStack.SECRET, CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        for (Daemon d : daemons) {
            d.stop().await(20, TimeUnit.SECONDS);
        }
        receiver.close();
        sim.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private Daemon daemon(String instance, List<SimChannel> channels) throws Exception {
        StringBuilder entries = new StringBuilder();
        channels.forEach(c -> entries.append(c.yaml("presse", "300ms", "four-eyes")));
        Path file = dir.resolve(instance + ".yaml");
        Files.writeString(file, """
                server:
                  port: 0
                store:
                  jdbc_url: %s
                  user: postgres
                archive:
                  index_path: %s
                cluster:
                  instance: %s
                  lease_ttl: 3s
                policies:
                  four-eyes:
                    approval: required
                offices:
                  - id: presse
                    language: en
                    sinks:
                      - type: webhook
                        url: %s
                        secret: ${HOOK_SECRET}
                channels:
                %s""".formatted(jdbcUrl, dir.resolve(instance + "-index"), instance,
                receiver.url(), entries));
        Daemon d = Daemon.start(ConfigLoader.load(file, Map.of("HOOK_SECRET", SimStack.SECRET)),
                Wiring.defaults().withClock(CLOCK)).await(30, TimeUnit.SECONDS);
        daemons.add(d);
        return d;
    }

    @Test
    void eachChannelIsPolledByOneInstanceEveryPostAlertsOnceAndTheSurvivorTakesOver() throws Exception {
        List<SimChannel> channels = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            channels.add(SimChannel.create(sim, "mastodon", i));
        }
        Daemon a = daemon("a", channels);
        Daemon b = daemon("b", channels);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Set<String> onA = a.pollingHere();
            Set<String> onB = b.pollingHere();
            assertThat(onA).isNotEmpty();
            assertThat(onB).isNotEmpty();
            assertThat(onA).doesNotContainAnyElementsOf(onB);
            Set<String> all = new HashSet<>(onA);
            all.addAll(onB);
            assertThat(all).hasSize(CHANNELS);
        });
        Set<String> ofA = a.pollingHere();

        for (SimChannel c : channels) {
            c.publish("Beitrag ohne Freigabe auf " + c.id(), CLOCK.instant());
        }
        List<WebhookReceiver.Received> alerts = receiver.awaitAccepted(CHANNELS);
        assertThat(alerts).extracting(r -> r.body().getString("channel")).doesNotHaveDuplicates().hasSize(CHANNELS);

        long stoppedAt = System.nanoTime();
        a.stop().await(20, TimeUnit.SECONDS);
        daemons.remove(a);
        await().atMost(Duration.ofSeconds(15)).until(() -> b.pollingHere().size() == CHANNELS);
        System.out.printf("takeover of %d channels after a clean stop: %d ms%n", ofA.size(),
                (System.nanoTime() - stoppedAt) / 1_000_000);

        for (SimChannel c : channels) {
            c.publish("Zweiter Beitrag auf " + c.id(), CLOCK.instant());
        }
        receiver.awaitAccepted(2 * CHANNELS);
        try (Store store = Wiring.defaults().openStore(ConfigLoader.load(dir.resolve("b.yaml"),
                Map.of("HOOK_SECRET", SimStack.SECRET)))) {
            for (SimChannel c : channels) {
                assertThat(store.recentPosts(c.id(), 10)).as(c.id()).hasSize(2);
            }
            assertThat(store.alerts(null, null)).hasSize(2 * CHANNELS);
            assertThat(store.verifyAudit().ok()).isTrue();
        }
    }
}
