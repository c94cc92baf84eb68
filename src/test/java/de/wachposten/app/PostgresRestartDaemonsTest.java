package de.wachposten.app;

import static de.wachposten.testkit.StoreChecks.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.store.Store;
import de.wachposten.testkit.LogCapture;
import de.wachposten.testkit.PostgresServer;
import de.wachposten.testkit.SimChannel;
import de.wachposten.testkit.StoreChecks;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes down in the middle of a run and comes back: two daemons share 16 Mastodon channels on it while posts
 * arrive steadily, and the server is stopped (open connections cut) for longer than the lease time, then started
 * again. Meanwhile the readiness check fails, and the failed polls count as the store's failures, not the platform's.
 * Afterwards every published post is stored exactly once with one version, has exactly one alert, and every
 * alert revision reached the webhook; each channel is held by exactly one live lease and both daemons poll again,
 * report ready and count every channel as {@code ok} or {@code remote}; the outage was logged at WARN naming the
 * store, no ERROR line carries a stack trace; and the audit chain verifies.
 */
class PostgresRestartDaemonsTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int CHANNELS = 16;
    private static final int POSTS = 240;
    /** Publishing spreads the posts over this long; the outage falls in its middle. */
    private static final Duration PUBLISHING = Duration.ofSeconds(24);
    /** How long the database stays down: longer than the lease time, so heartbeats and leases lapse meanwhile. */
    private static final Duration DOWN = Duration.ofSeconds(12);
    private static final Duration LEASE_TTL = Duration.ofSeconds(3);
    private static final Pattern CHANNEL_STATE = Pattern.compile("wachposten_channels\\{state=\"([a-z_]+)\",?\\} (\\S+)");

    @TempDir
    Path dir;
    private Vertx vertx;
    private PlatformSimulator sim;
    private WebhookReceiver receiver;
    private String jdbcUrl;
    private final List<Daemon> daemons = new ArrayList<>();
    private volatile Thread publisher;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        jdbcUrl = PostgresServer.get().createDatabase();
        vertx = Vertx.vertx();
        sim = new PlatformSimulator(vertx, CLOCK);
        sim.start().await(10, TimeUnit.SECONDS);
        sim.mastodon().setRateLimit(1_000_000, 1_000_000, Instant.now().plus(Duration.ofDays(1)));
        receiver = WebhookReceiver.start(vertx, SimStack.SECRET, CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        Thread p = publisher;
        if (p != null) {
            p.interrupt();
            p.join(5000);
        }
        for (Daemon d : daemons) {
            d.stop().await(30, TimeUnit.SECONDS);
        }
        receiver.close();
        sim.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void theDaemonsReconnectAfterTheDatabaseRestartsAndLoseNothing() throws Exception {
        List<SimChannel> channels = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            channels.add(SimChannel.create(sim, "mastodon", i));
        }
        try (LogCapture logs = LogCapture.capture(Level.WARN)) {
            Daemon a = daemon("a", channels);
            Daemon b = daemon("b", channels);
            await("both daemons hold a share of the channels").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertShared(a, b));

            AtomicInteger published = new AtomicInteger();
            publisher = Thread.ofPlatform().name("publisher").start(() -> publish(channels, published));
            await().atMost(PUBLISHING.multipliedBy(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> published.get() >= POSTS / 2);
            int before = published.get();
            long down = System.nanoTime();
            PostgresServer.get().stop();
            HttpResponse<String> ready = get(a, "/health/ready"); // answered while the database is down
            long left = DOWN.toNanos() - (System.nanoTime() - down);
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
            PostgresServer.get().start();
            long up = System.nanoTime();
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
            assertThat(ready.body()).contains("store unavailable");
            System.out.printf("PostgreSQL down for %d ms after %d of %d posts, %d published meanwhile%n",
                    TimeUnit.NANOSECONDS.toMillis(up - down), before, POSTS, published.get() - before);

            publisher.join(PUBLISHING.multipliedBy(3).toMillis());
            assertThat(publisher.isAlive()).as("publisher finished").isFalse();
            int total = published.get();
            assertThat(total).isEqualTo(POSTS);

            try (Connection c = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, null)) {
                await("every post stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> count(c, "SELECT count(*) FROM posts WHERE kind = 'post'") >= total);
                long storedAt = System.nanoTime();
                await("every post alerted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> count(c, "SELECT count(*) FROM alerts") >= total);
                System.out.printf("every post stored %d ms after the restart, alerted %d ms later%n",
                        TimeUnit.NANOSECONDS.toMillis(storedAt - up),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - storedAt));
                StoreChecks.assertEachPostStoredOnceWithOneAlert(c, channels, total);
                Set<String> expected = StoreChecks.alertRevisionIds(c);
                await("every alert revision delivered").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> new HashSet<>(receiver.acceptedIds()).containsAll(expected));
                assertThat(receiver.accepted()).allMatch(WebhookReceiver.Received::validSignature);
                List<String> ids = receiver.acceptedIds();
                System.out.printf("posts=%d alerts=%d webhook requests accepted=%d repeated (same webhook-id)=%d%n",
                        total, expected.size(), ids.size(), ids.size() - new HashSet<>(ids).size());
                await("every delivery recorded as delivered").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                                count(c, "SELECT count(*) FROM deliveries WHERE state <> 'delivered'"))
                                .as("deliveries not delivered: %s", StoreChecks.rows(c, "SELECT id, alert_id,"
                                        + " revision, state, attempts, last_error, claimed_by, claimed_until,"
                                        + " next_attempt_at FROM deliveries WHERE state <> 'delivered'"))
                                .isZero());
            }

            await("each channel held by one live lease, both daemons polling").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertShared(a, b));
            long now = System.nanoTime();
            await("every channel polled again").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                Set<String> polled = sim.faults().requests().stream()
                        .filter(r -> r.receivedNanos() > now && MastodonSimulator.ROUTE_STATUSES.equals(r.route()))
                        .map(SimRequest::account).collect(Collectors.toSet());
                assertThat(polled).containsAll(channels.stream().map(SimChannel::faultKey).toList());
            });
            for (Daemon d : List.of(a, b)) {
                await("daemon " + d.config().cluster().instance() + " ready, every channel ok or remote")
                        .atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                            assertThat(get(d, "/health/ready").statusCode()).isEqualTo(200);
                            Map<String, Double> states = channelStates(get(d, "/metrics").body());
                            assertThat(states.getOrDefault("ok", 0.0) + states.getOrDefault("remote", 0.0))
                                    .as("%s", states).isEqualTo(CHANNELS);
                        });
            }

            double storeFailures = 0;
            for (Daemon d : List.of(a, b)) {
                String scrape = get(d, "/metrics").body();
                storeFailures += polls(scrape, "store");
                assertThat(polls(scrape, "malformed")).as("store failures counted as the platform's").isZero();
            }
            assertThat(storeFailures).as("polls failed by the store").isPositive();

            List<String> lines = logs.lines();
            assertThat(lines).as("the outage is logged at WARN naming the store")
                    .anyMatch(l -> l.startsWith("WARN") && l.contains("unreachable") && l.contains(jdbcUrl));
            assertThat(lines).as("ERROR lines with a stack trace")
                    .noneMatch(l -> l.startsWith("ERROR") && l.contains(" | "));
            long errors = lines.stream().filter(l -> l.startsWith("ERROR")).count();
            System.out.printf("log lines at WARN and above: %d, of them ERROR: %d%n", lines.size(), errors);
        }
        for (Daemon d : List.copyOf(daemons)) {
            d.stop().await(30, TimeUnit.SECONDS);
            daemons.remove(d);
        }
        try (Store store = Wiring.defaults().openStore(ConfigLoader.load(dir.resolve("a.yaml"),
                Map.of("HOOK_SECRET", SimStack.SECRET)))) {
            assertThat(store.verifyAudit().ok()).isTrue();
        }
    }

    /** Each channel has one live lease; both daemons hold some, and each polls exactly the channels it holds. */
    private void assertShared(Daemon a, Daemon b) throws Exception {
        Map<String, Set<String>> held = StoreChecks.liveChannelLeases(jdbcUrl);
        assertThat(held.keySet()).containsExactlyInAnyOrder("a", "b");
        Set<String> all = new HashSet<>();
        held.values().forEach(all::addAll);
        assertThat(all).hasSize(CHANNELS);
        assertThat(held.values().stream().mapToInt(Set::size).sum()).isEqualTo(CHANNELS);
        for (Daemon d : List.of(a, b)) {
            Set<String> leases = d.pollingHere().stream().map(id -> "channel:" + id).collect(Collectors.toSet());
            assertThat(leases).isEqualTo(held.get(d.config().cluster().instance()));
        }
    }

    private void publish(List<SimChannel> channels, AtomicInteger published) {
        long start = System.nanoTime();
        long step = PUBLISHING.toNanos() / POSTS;
        try {
            for (int i = 0; i < POSTS; i++) {
                long wait = start + i * step - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                SimChannel ch = channels.get(i % CHANNELS);
                ch.publish("Beitrag " + i + " ohne Freigabe auf " + ch.id(), CLOCK.instant());
                published.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> get(Daemon d, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.apiPort() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of {@code wachposten_polls_total} with {@code result}, from a Prometheus scrape. */
    private static double polls(String scrape, String result) {
        Matcher m = Pattern.compile("wachposten_polls_total\\{[^}]*result=\"" + result + "\"[^}]*\\} (\\S+)")
                .matcher(scrape);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    /** {@code wachposten_channels} by state, from a Prometheus scrape. */
    private static Map<String, Double> channelStates(String scrape) {
        Map<String, Double> states = new java.util.HashMap<>();
        Matcher m = CHANNEL_STATE.matcher(scrape);
        while (m.find()) {
            states.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return states;
    }

    private Daemon daemon(String instance, List<SimChannel> channels) throws Exception {
        StringBuilder entries = new StringBuilder();
        channels.forEach(c -> entries.append(c.yaml("presse", "500ms", "four-eyes")));
        Path file = dir.resolve(instance + ".yaml");
        Files.writeString(file, """
                server:
                  host: 127.0.0.1
                  port: 0
                store:
                  jdbc_url: %s
                  user: postgres
                archive:
                  index_path: %s
                cluster:
                  instance: %s
                  lease_ttl: %ds
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
                %s""".formatted(jdbcUrl, dir.resolve(instance + "-index"), instance, LEASE_TTL.toSeconds(),
                receiver.url(), entries));
        Daemon d = Daemon.start(ConfigLoader.load(file, Map.of("HOOK_SECRET", SimStack.SECRET)),
                Wiring.defaults().withClock(CLOCK)).await(30, TimeUnit.SECONDS);
        daemons.add(d);
        return d;
    }
}
