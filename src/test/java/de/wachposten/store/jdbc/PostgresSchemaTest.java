package de.wachposten.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.store.Delivery;
import de.wachposten.store.StoreException;
import de.wachposten.testkit.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What only the PostgreSQL schema shows: upgrades in place, append-only triggers, refusing a newer schema. */
class PostgresSchemaTest {
    private static final Instant T0 = Instant.parse("2016-01-08T05:30:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private static JdbcStore open(String url) {
        return PostgresStore.open(PostgresOptions.of(url, PostgresServer.USER, null), false, CLOCK);
    }

    private static void sql(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
             Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    private static long scalar(String url, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aStoreOfSchema8WithAPendingDeliveryUpgradesInPlaceAndTheDeliveryIsClaimed() throws SQLException {
        String url = PostgresServer.get().createDatabase();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            for (int v = 1; v <= 8; v++) {
                for (String q : SqlScript.load("db/postgresql/" + Migrations.SCRIPTS.get(v - 1))) {
                    s.execute(q);
                }
                s.execute("INSERT INTO schema_version VALUES (" + v + ", '" + Migrations.SCRIPTS.get(v - 1) + "', 'x')");
            }
            String t = Times.text(T0);
            s.execute("INSERT INTO posts (channel_id, platform, platform_id, latest_version, published_at,"
                    + " first_seen_at) VALUES ('c', 'mastodon', '77', 1, '" + t + "', '" + t + "')");
            s.execute("INSERT INTO post_versions (post_id, version, text, search_text, published_at, links, seen_at,"
                    + " raw_json, detected) VALUES (1, 1, 'Hallo', 'hallo', '" + t + "', '[]', '" + t + "', '{}', 1)");
            s.execute("INSERT INTO alerts (id, post_id, version_id, channel_id, platform, office_id, severity, status,"
                    + " revision, reasons, created_at, updated_at) VALUES ('" + Alert.idFor("c", "77") + "', 1, 1,"
                    + " 'c', 'mastodon', 'o', 'high', 'open', 1,"
                    + " '[{\"category\":null,\"code\":\"unapproved\",\"detail\":\"x\",\"matches\":[],\"rule\":null,"
                    + "\"severity\":\"high\"}]', '" + t + "', '" + t + "')");
            s.execute("INSERT INTO deliveries (alert_id, revision, sink_key, created_at, next_attempt_at) VALUES ('"
                    + Alert.idFor("c", "77") + "', 1, 'o#0:webhook', '" + t + "', '" + t + "')");
        }

        try (JdbcStore upgraded = open(url)) {
            assertThat(upgraded.versions("c", "77")).extracting(v -> v.post().text()).containsExactly("Hallo");
            assertThat(upgraded.dueDeliveries(T0, 10)).extracting(Delivery::sinkKey).containsExactly("o#0:webhook");
            assertThat(upgraded.alert(Alert.idFor("c", "77"))).isPresent();
            assertThat(scalar(url, "SELECT COUNT(*) FROM deliveries WHERE claimed_by IS NOT NULL")).isEqualTo(1);
        }
        assertThat(scalar(url, "SELECT MAX(version) FROM schema_version")).isEqualTo(Migrations.LATEST);
        assertThat(scalar(url, "SELECT COUNT(*) FROM deliveries WHERE claimed_by IS NOT NULL")).isZero();
    }

    @Test
    void openingTwiceAppliesEveryMigrationOnce() throws SQLException {
        String url = PostgresServer.get().createDatabase();
        open(url).close();
        open(url).close();

        assertThat(scalar(url, "SELECT COUNT(*) FROM schema_version")).isEqualTo(Migrations.LATEST);
    }

    @Test
    void theAuditLogAndApprovalsRefuseUpdatesDeletesAndTruncationWithTheMessagesOfSqlite() throws SQLException {
        String url = PostgresServer.get().createDatabase();
        try (JdbcStore store = open(url)) {
            store.audit("test.event", "s/1", Map.of("i", 1), T0);
            store.addApproval(new de.wachposten.model.Approval("ap-1", "c", "Text", T0, T0.plusSeconds(3600), "anna",
                    "bernd", T0, null, null, null));
        }

        assertThatThrownBy(() -> sql(url, "UPDATE audit SET subject = 'x'")).isInstanceOf(SQLException.class)
                .hasMessageContaining("the audit log is append-only");
        assertThatThrownBy(() -> sql(url, "DELETE FROM audit")).hasMessageContaining("the audit log is append-only");
        assertThatThrownBy(() -> sql(url, "TRUNCATE audit")).hasMessageContaining("the audit log is append-only");
        assertThatThrownBy(() -> sql(url, "DELETE FROM approvals")).hasMessageContaining("approvals are append-only");
        assertThatThrownBy(() -> sql(url, "UPDATE approvals SET text = 'x'"))
                .hasMessageContaining("approvals are append-only");
        assertThat(scalar(url, "SELECT COUNT(*) FROM audit")).isEqualTo(2);
    }

    @Test
    void aChangedAuditRecordIsNamedByTheVerifier() throws SQLException {
        String url = PostgresServer.get().createDatabase();
        try (JdbcStore store = open(url)) {
            for (int i = 1; i <= 3; i++) {
                store.audit("test.event", "s/" + i, Map.of("i", i), T0.plusSeconds(i));
            }
        }
        sql(url, "ALTER TABLE audit DISABLE TRIGGER audit_no_update", "UPDATE audit SET data = '{\"i\":9}' WHERE seq = 2");

        try (JdbcStore store = open(url)) {
            assertThat(store.verifyAudit().problem()).isEqualTo("record 2: hash does not match its content (changed)");
        }
    }

    @Test
    void aStoreWrittenByANewerVersionIsRefusedNamingTheDatabase() throws SQLException {
        String url = PostgresServer.get().createDatabase();
        open(url).close();
        int future = Migrations.LATEST + 1;
        sql(url, "INSERT INTO schema_version VALUES (" + future + ", 'V" + future + "__future.sql', 'x')");

        assertThatThrownBy(() -> open(url)).isInstanceOf(StoreException.class).hasMessage(url
                + ": store schema version " + future + " is newer than this Wachposten (" + Migrations.LATEST + ")");
    }

    @Test
    void aSecondAlertRowForTheSamePostIsRefusedByTheSchema() throws SQLException {
        String url = PostgresServer.get().createDatabase();
        try (JdbcStore store = open(url)) {
            var v = store.ingest("c", java.util.List.of(new de.wachposten.model.Post("c", "mastodon", "1", null, null,
                    "Text", T0, null, null, null, null, T0, null)), java.util.List.of(), "k", false, T0).getFirst();
            store.commitDetection(v, java.util.List.of(Finding.of(ReasonCode.UNAPPROVED, Severity.HIGH, "x")), null,
                    "o", de.wachposten.store.Recipients.NONE, T0);
        }

        assertThatThrownBy(() -> sql(url, "INSERT INTO alerts (id, post_id, version_id, channel_id, platform,"
                + " office_id, severity, status, revision, reasons, created_at, updated_at)"
                + " SELECT 'a-other', post_id, version_id, channel_id, platform, office_id, severity, status, 1,"
                + " reasons, created_at, updated_at FROM alerts"))
                .hasMessageContaining("alerts_one_per_post");
    }
}
