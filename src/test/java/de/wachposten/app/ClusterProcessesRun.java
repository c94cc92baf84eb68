package de.wachposten.app;

import static de.wachposten.testkit.StoreChecks.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.config.ConfigLoader;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.store.Store;
import de.wachposten.testkit.DaemonProcess;
import de.wachposten.testkit.PostgresServer;
import de.wachposten.testkit.SimChannel;
import de.wachposten.testkit.StoreChecks;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three daemon processes on one PostgreSQL database with 50 Mastodon channels while posts arrive: one is killed
 * ({@code SIGKILL}), another paused ({@code SIGSTOP}) past its lease time and resumed. Then every post is stored once,
 * has exactly one alert, and every alert revision reached the webhook; the survivors polled the dead one's channels
 * within the takeover bound; no poll result was written by an instance that did not hold the channel's lease at that
 * moment; and the audit chain verifies.
 *
 * <p>Who wrote what: each instance connects with its own {@code ApplicationName} (its instance id), and triggers the
 * test installs on {@code posts}, {@code post_versions} and {@code channel_state} record, inside the writing
 * transaction, the writer and the channel lease's holder at that moment. A fenced write locks the lease row until
 * commit, so a poll result written by an instance whose lease was taken would show up as a row whose writer is not
 * the holder.
 *
 * <p>Takes about four minutes: the publishing runs 60 s, the pause 60 s of it and beyond. Run by hand
 * ({@code ./mvnw -B -o test -Dtest=ClusterProcessesRun}); its name keeps it out of {@code ./mvnw test} until it passes
 * (README, Several instances, "Open").
 */
class ClusterProcessesRun {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int CHANNELS = 50;
    private static final int POSTS = 2000;
    /** Publishing spreads the posts over this long (the kill and the pause fall inside it). */
    private static final Duration PUBLISHING = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration LEASE_TTL = Duration.ofSeconds(3);
    /** The takeover bound after a SIGKILL: max(2 x poll interval, 15 s). */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(15);
    /** Longer than the lease time, so the paused instance's leases are taken. */
    private static final Duration PAUSE = Duration.ofSeconds(60);
    private static final List<String> NAMES = List.of("wp-1", "wp-2", "wp-3");

    @TempDir
    Path dir;
    private Vertx vertx;
    private PlatformSimulator sim;
    private WebhookReceiver receiver;
    private String jdbcUrl;
    private final Map<String, DaemonProcess> daemons = new HashMap<>();
    private volatile Thread publisher;

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
        Path logs = Path.of("target", "cluster-processes-logs");
        Files.createDirectories(logs);
        for (DaemonProcess d : daemons.values()) {
            d.stop(30);
            Files.copy(d.logFile(), logs.resolve(d.name() + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(PostgresServer.get().log(), logs.resolve("postgresql.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        receiver.close();
        sim.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void killedAndPausedInstancesLoseNothingDuplicateNothingAndWriteNothingFenced() throws Exception {
        List<SimChannel> channels = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            channels.add(SimChannel.create(sim, "mastodon", i));
        }
        Map<String, SimChannel> byLease = channels.stream()
                .collect(Collectors.toMap(c -> "channel:" + c.id(), Function.identity()));
        for (String name : NAMES) {
            config(name, channels);
        }
        try (Store store = Wiring.defaults().openStore(load("wp-1"))) {
            assertThat(store.verifyAudit().ok()).isTrue(); // creates the schema before the triggers go in
        }
        installWriteLog();
        for (String name : NAMES) {
            daemons.put(name, DaemonProcess.start(name, dir.resolve(name + ".yaml"),
                    Map.of("HOOK_SECRET", SimStack.SECRET), List.of("-Xmx256m", "-XX:+UseSerialGC")));
        }
        await("every instance holds a share of the channels").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Map<String, Set<String>> held = liveChannelLeases();
                    assertThat(held.keySet()).containsExactlyInAnyOrderElementsOf(NAMES);
                    assertThat(held.values().stream().mapToInt(Set::size).sum()).isEqualTo(CHANNELS);
                });

        AtomicInteger published = new AtomicInteger();
        publisher = Thread.ofPlatform().name("publisher").start(() -> publish(channels, published));

        // SIGKILL wp-1 a fifth into the run; the survivors must poll its channels within the takeover bound.
        awaitPublished(published, POSTS / 5);
        DaemonProcess killed = daemons.get("wp-1");
        Set<String> ofKilled = liveChannelLeases().get("wp-1");
        killed.kill();
        long killedAt = System.nanoTime();
        Map<String, Long> firstPollAfterKill = new TreeMap<>();
        await("the dead instance's channels polled by the survivors").atMost(TAKEOVER_BOUND)
                .pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    firstPolls(ofKilled, byLease, killedAt, firstPollAfterKill);
                    assertThat(firstPollAfterKill).hasSize(ofKilled.size());
                });
        long worst = firstPollAfterKill.values().stream().mapToLong(n -> n - killedAt).max().orElseThrow();
        System.out.printf("takeover after SIGKILL of wp-1 (%d channels): last channel polled again after %d ms%n",
                ofKilled.size(), TimeUnit.NANOSECONDS.toMillis(worst));

        // SIGSTOP wp-2 past its lease time: wp-3 takes everything; after SIGCONT wp-2's writes are refused.
        awaitPublished(published, POSTS / 2);
        DaemonProcess paused = daemons.get("wp-2");
        Set<String> ofPaused = liveChannelLeases().getOrDefault("wp-2", Set.of());
        assertThat(ofPaused).isNotEmpty();
        long pausedAt = System.nanoTime();
        paused.pause();
        await("the survivor holds every channel").atMost(PAUSE).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(liveChannelLeases().get("wp-3")).hasSize(CHANNELS));
        Map<String, Long> firstPollAfterPause = new TreeMap<>();
        await("the paused instance's channels polled by wp-3").atMost(TAKEOVER_BOUND)
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    firstPolls(ofPaused, byLease, pausedAt, firstPollAfterPause);
                    assertThat(firstPollAfterPause).hasSize(ofPaused.size());
                });
        long left = PAUSE.toNanos() - (System.nanoTime() - pausedAt);
        if (left > 0) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left)); // the pause itself: the process is stopped this long
        }
        paused.resume();
        await("the resumed instance notices its leases were taken").atMost(Duration.ofSeconds(30))
                .until(() -> paused.log().contains("taken over by other instances")
                        || paused.log().contains("was taken over"));
        await("the resumed instance gets its share back").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(liveChannelLeases().get("wp-2")).isNotEmpty());

        publisher.join(PUBLISHING.multipliedBy(3).toMillis());
        assertThat(publisher.isAlive()).as("publisher finished").isFalse();
        int total = published.get();
        assertThat(total).isEqualTo(POSTS);

        // Every post stored once, one alert each, every alert revision delivered.
        try (Connection c = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, null)) {
            await("every post stored").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(c, "SELECT count(*) FROM posts WHERE kind = 'post'") >= total);
            long storedAt = System.nanoTime();
            long alertedBefore = count(c, "SELECT count(*) FROM alerts");
            await("every post alerted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(unalerted(c)).as("stored posts without an alert").isEmpty());
            System.out.printf("all posts stored; %d of %d alerted then, the rest within %d ms%n", alertedBefore,
                    total, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - storedAt));
            StoreChecks.assertEachPostStoredOnceWithOneAlert(c, channels, total);
            Set<String> expected = StoreChecks.alertRevisionIds(c);
            await("every alert delivered").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(undelivered(c, expected)).as("alert revisions not received")
                            .isEmpty());
            List<String> ids = receiver.acceptedIds();
            assertThat(receiver.accepted()).allMatch(WebhookReceiver.Received::validSignature);
            assertThat(receiver.accepted()).extracting(r -> r.body().getString("alert_id")).doesNotContainNull();
            long repeats = ids.size() - new HashSet<>(ids).size();
            System.out.printf("posts=%d alerts=%d webhook requests accepted=%d repeated (same webhook-id)=%d%n",
                    total, expected.size(), ids.size(), repeats);

            // No poll result written by an instance that did not hold the channel's lease at that moment.
            List<String> foreign = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT tbl, channel_id, writer, holder, token FROM write_log"
                         + " WHERE holder IS DISTINCT FROM writer ORDER BY id")) {
                while (rs.next()) {
                    foreign.add(rs.getString(1) + " " + rs.getString(2) + " by " + rs.getString(3)
                            + " while " + rs.getString(4) + " held the lease (token " + rs.getLong(5) + ")");
                }
            }
            assertThat(count(c, "SELECT count(*) FROM write_log")).isGreaterThan(total);
            assertThat(count(c, "SELECT count(DISTINCT writer) FROM write_log")).isEqualTo(NAMES.size());
            assertThat(foreign).as("writes by an instance without the lease").isEmpty();
        }
        assertThat(paused.log()).contains("this write is refused").doesNotContain("Exception in thread");
        for (DaemonProcess d : daemons.values()) {
            if (d.isAlive()) {
                d.stop(30);
            }
        }
        try (Store store = Wiring.defaults().openStore(load("wp-3"))) {
            assertThat(store.verifyAudit().ok()).isTrue();
        }
    }

    private void publish(List<SimChannel> channels, AtomicInteger published) {
        long start = System.nanoTime();
        long step = PUBLISHING.toNanos() / POSTS;
        try {
            for (int i = 0; i < POSTS; i++) {
                long due = start + i * step;
                long wait = due - System.nanoTime();
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

    private static void awaitPublished(AtomicInteger published, int n) {
        await().atMost(PUBLISHING.multipliedBy(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> published.get() >= n);
    }

    /** Adds to {@code first} the first statuses request after {@code since} of each channel in {@code leases}. */
    private void firstPolls(Set<String> leases, Map<String, SimChannel> byLease, long since, Map<String, Long> first) {
        Map<String, String> keys = new HashMap<>();
        for (String l : leases) {
            keys.put(byLease.get(l).faultKey(), l);
        }
        for (SimRequest r : sim.faults().requests()) {
            String lease = keys.get(r.account());
            if (lease != null && r.receivedNanos() > since && MastodonSimulator.ROUTE_STATUSES.equals(r.route())) {
                first.putIfAbsent(lease, r.receivedNanos());
            }
        }
    }

    /** The live channel leases by holder. */
    private Map<String, Set<String>> liveChannelLeases() throws SQLException {
        return StoreChecks.liveChannelLeases(jdbcUrl);
    }

    /**
     * Triggers that log, in the writing transaction, who wrote a channel's post or poll state (the connection's
     * application name, which each instance sets to its id) and who held the channel's lease at that moment.
     */
    private void installWriteLog() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, null);
             Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE write_log (id BIGSERIAL PRIMARY KEY, tbl TEXT NOT NULL, channel_id TEXT,
                      writer TEXT, holder TEXT, token BIGINT, at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())""");
            s.execute("""
                    CREATE FUNCTION log_write() RETURNS trigger LANGUAGE plpgsql AS $$
                    DECLARE ch TEXT; h TEXT; t BIGINT;
                    BEGIN
                      IF TG_TABLE_NAME = 'post_versions' THEN
                        SELECT channel_id INTO ch FROM posts WHERE id = NEW.post_id;
                      ELSE
                        ch := NEW.channel_id;
                      END IF;
                      SELECT holder, token INTO h, t FROM leases WHERE name = 'channel:' || ch;
                      INSERT INTO write_log (tbl, channel_id, writer, holder, token)
                        VALUES (TG_TABLE_NAME, ch, current_setting('application_name'), h, t);
                      RETURN NEW;
                    END $$""");
            s.execute("CREATE TRIGGER log_post AFTER INSERT ON posts FOR EACH ROW EXECUTE FUNCTION log_write()");
            s.execute("CREATE TRIGGER log_version AFTER INSERT ON post_versions FOR EACH ROW"
                    + " EXECUTE FUNCTION log_write()");
            s.execute("CREATE TRIGGER log_state AFTER INSERT OR UPDATE ON channel_state FOR EACH ROW"
                    + " EXECUTE FUNCTION log_write()");
        }
    }

    /** The expected alert revisions the webhook has not received, each with its outbox entry. */
    private List<String> undelivered(Connection c, Set<String> expected) throws SQLException {
        Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(new HashSet<>(receiver.acceptedIds()));
        List<String> out = new ArrayList<>();
        for (String id : missing) {
            int r = id.lastIndexOf("_r");
            out.add(id + ": " + StoreChecks.rows(c, "SELECT state || ' attempts=' || attempts || ' next='"
                    + " || next_attempt_at || ' claimed_by=' || coalesce(claimed_by, '-') || ' until=' || coalesce(claimed_until, '-') || ' error='"
                    + " || coalesce(last_error, '-') FROM deliveries WHERE alert_id = '" + id.substring(0, r)
                    + "' AND revision = " + id.substring(r + 2)));
        }
        return out;
    }

    /** Each stored post without an alert: its channel, id, when it was seen, whether it was evaluated, who wrote it. */
    private static List<String> unalerted(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT p.channel_id, p.platform_id, v.seen_at, v.detected,
                  (SELECT string_agg(w.writer || '/' || coalesce(w.holder, '-') || '@' || w.at, ' ')
                     FROM write_log w WHERE w.tbl = 'post_versions' AND w.channel_id = p.channel_id
                       AND w.at BETWEEN (v.seen_at::timestamptz - interval '2 seconds')
                                    AND (v.seen_at::timestamptz + interval '2 seconds')) AS writers
                FROM posts p JOIN post_versions v ON v.post_id = p.id
                WHERE p.kind = 'post' AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.post_id = p.id)
                ORDER BY v.seen_at""")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "/" + rs.getString(2) + " seen " + rs.getString(3) + " detected="
                        + rs.getInt(4) + " written by " + rs.getString(5));
            }
        }
        return out;
    }

    private de.wachposten.config.Config load(String name) throws Exception {
        return ConfigLoader.load(dir.resolve(name + ".yaml"), Map.of("HOOK_SECRET", SimStack.SECRET));
    }

    private void config(String name, List<SimChannel> channels) throws Exception {
        StringBuilder entries = new StringBuilder();
        channels.forEach(c -> entries.append(c.yaml("presse", POLL_INTERVAL.toMillis() + "ms", "four-eyes")));
        Files.writeString(dir.resolve(name + ".yaml"), """
                server:
                  host: 127.0.0.1
                  port: 0
                store:
                  jdbc_url: %s?ApplicationName=%s
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
                %s""".formatted(jdbcUrl, name, dir.resolve(name + "-index"), name, LEASE_TTL.toSeconds(),
                receiver.url(), entries));
    }
}
