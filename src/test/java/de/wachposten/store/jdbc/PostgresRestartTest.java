package de.wachposten.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import de.wachposten.model.Post;
import de.wachposten.store.StoreUnavailableException;
import de.wachposten.testkit.LogCapture;
import de.wachposten.testkit.PostgresServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store after PostgreSQL restarted under it: the pool reconnects and nothing committed is lost; while it is down
 * every operation fails as unavailable, and the outage is one WARN line naming the store and one INFO line after.
 */
class PostgresRestartTest {
    private static final Instant T0 = Instant.parse("2016-01-08T05:30:00Z");

    /** How many rows of {@code settings} are named {@code k}. */
    private static int settingsNamedK(JdbcStore store) {
        return store.connections().read("count settings", c -> {
            try (var rs = c.prepareStatement("SELECT count(*) FROM settings WHERE name = 'k'").executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static Post post(String id) {
        return new Post("c", "mastodon", id, null, null, "Text " + id, T0, null, null, null, null, T0, null);
    }

    /**
     * A session the database ends in the middle of a transaction (here it ends itself; in production the
     * idle-in-transaction timeout ends the session of a starved process) rolls that transaction back: it runs again on
     * another connection and commits once.
     */
    @Test
    void aTransactionWhoseConnectionBrokeBeforeTheCommitRunsAgainAndCommitsOnce() throws Exception {
        String url = PostgresServer.get().createDatabase();
        try (JdbcStore store = PostgresStore.open(new PostgresOptions(url, PostgresServer.USER, null, 2,
                Duration.ofSeconds(5), Duration.ofSeconds(30)), false, Clock.fixed(T0, ZoneOffset.UTC));
             LogCapture logs = LogCapture.capture(Level.DEBUG)) {
            java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
            String done = store.connections().inTransaction("write a setting", c -> {
                try (var ps = c.prepareStatement("INSERT INTO settings (name, value) VALUES ('k', 'v')")) {
                    ps.executeUpdate();
                }
                if (attempts.incrementAndGet() == 1) {
                    try (var other = java.sql.DriverManager.getConnection(url, PostgresServer.USER, null);
                         var kill = other.prepareStatement("SELECT pg_terminate_backend(?)");
                         var pid = c.prepareStatement("SELECT pg_backend_pid()").executeQuery()) {
                        pid.next();
                        kill.setInt(1, pid.getInt(1));
                        kill.executeQuery();
                    }
                    c.prepareStatement("SELECT 1").executeQuery(); // the session is gone: this fails
                }
                return "done";
            });

            assertThat(done).isEqualTo("done");
            assertThat(attempts).hasValue(2);
            assertThat(settingsNamedK(store)).isEqualTo(1);
            assertThat(logs.text()).contains("write a setting: the connection broke before the commit");
        }
    }

    /**
     * A process starved of CPU (or paused) inside a transaction for longer than the idle-in-transaction timeout: the
     * database ends its session and rolls the transaction back; the store runs it again and it commits once.
     */
    @Test
    void aTransactionWhoseSessionTheDatabaseEndedForSittingIdleRunsAgain() throws Exception {
        String url = PostgresServer.get().createDatabase();
        try (JdbcStore store = PostgresStore.open(new PostgresOptions(url, PostgresServer.USER, null, 2,
                Duration.ofSeconds(5), Duration.ofSeconds(30)), false, Clock.fixed(T0, ZoneOffset.UTC))) {
            java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
            store.connections().inTransaction("write a setting", c -> {
                c.prepareStatement("SELECT 1").executeQuery();
                if (attempts.incrementAndGet() == 1) {
                    try {
                        Thread.sleep(PooledConnections.IDLE_IN_TRANSACTION.multipliedBy(2).plusMillis(500).toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                try (var ps = c.prepareStatement("INSERT INTO settings (name, value) VALUES ('k', 'v')")) {
                    ps.executeUpdate();
                }
                return null;
            });

            assertThat(attempts).hasValue(2);
            assertThat(settingsNamedK(store)).isEqualTo(1);
        }
    }

    @Test
    void aStoreWorksOnAfterTheDatabaseRestartsAndKeepsWhatWasCommitted() {
        PostgresServer server = PostgresServer.get();
        String url = server.createDatabase();
        try (JdbcStore store = PostgresStore.open(new PostgresOptions(url, PostgresServer.USER, null, 2,
                Duration.ofSeconds(5), Duration.ofSeconds(30)), false, Clock.fixed(T0, ZoneOffset.UTC))) {
            store.ingest("c", List.of(post("1")), List.of(), "k1", false, T0);

            server.restart();

            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> !store.ingest("c", List.of(post("2")), List.of(), "k2", false, T0).isEmpty()
                            || store.versions("c", "2").size() == 1);
            assertThat(store.versions("c", "1")).hasSize(1);
            assertThat(store.versions("c", "2")).hasSize(1);
            assertThat(store.channelState("c").cursor()).isEqualTo("k2");
            assertThat(store.verifyAudit().ok()).isTrue();
        }
    }

    @Test
    void whileTheDatabaseIsDownOperationsFailAsUnavailableAndTheOutageIsLoggedOnce() {
        PostgresServer server = PostgresServer.get();
        String url = server.createDatabase();
        try (JdbcStore store = PostgresStore.open(new PostgresOptions(url, PostgresServer.USER, null, 2,
                Duration.ofSeconds(1), Duration.ofSeconds(30)), false, Clock.fixed(T0, ZoneOffset.UTC));
             LogCapture logs = LogCapture.capture(Level.INFO)) {
            store.ingest("c", List.of(post("1")), List.of(), "k1", false, T0);

            server.stop();
            try {
                for (int i = 0; i < 3; i++) {
                    assertThatThrownBy(() -> store.ingest("c", List.of(post("2")), List.of(), "k2", false, T0))
                            .isInstanceOf(StoreUnavailableException.class).hasMessageStartingWith("ingest posts");
                }
                assertThatThrownBy(() -> store.channelState("c")).isInstanceOf(StoreUnavailableException.class);
            } finally {
                server.start();
            }
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> store.channelState("c").cursor().equals("k1"));

            assertThat(logs.lines()).filteredOn(l -> l.contains(Connections.class.getName()))
                    .hasSize(2)
                    .satisfiesExactly(
                            l -> assertThat(l).startsWith("WARN").contains("store " + url + " is unreachable"),
                            l -> assertThat(l).startsWith("INFO").contains("store " + url + " is reachable again"));
            assertThat(store.ingest("c", List.of(post("2")), List.of(), "k2", false, T0)).hasSize(1);
        }
    }
}
