package de.wachposten.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.store.AuditCheck;
import de.wachposten.store.Store;
import de.wachposten.store.StoreContract;
import de.wachposten.store.StoreException;
import de.wachposten.store.StoredPost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store contract on a real SQLite file, plus what only a file store has: migrations, damage, tampering. */
class SqliteStoreTest extends StoreContract {

    @Override
    protected Store newStore(Path dir, Clock clock) {
        return SqliteStore.open(file(dir), clock);
    }

    @Override
    protected Store reopen(Path dir, Clock clock) {
        return SqliteStore.open(file(dir), clock);
    }

    private static Path file(Path dir) {
        return dir.resolve("data").resolve("wachposten.db");
    }

    /** Closes the store and runs SQL on its file behind its back, as someone with access to the file could. */
    private void rawSql(String... sql) throws SQLException {
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file(dir));
             Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** {@link #rawSql}, then the store opened again. */
    private void tamper(String... sql) throws SQLException {
        rawSql(sql);
        store = reopen(dir, clock);
    }

    private void fiveAuditRecords() {
        for (int i = 1; i <= 5; i++) {
            store.audit("test.event", "subject/" + i, Map.of("i", i), at(i));
        }
        assertThat(store.verifyAudit().ok()).isTrue();
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file(dir));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void openingCreatesTheParentDirectoriesAndAppliesEveryMigrationOnce() throws SQLException {
        restart();
        restart();

        assertThat(Files.isRegularFile(file(dir))).isTrue();
        assertThat(scalar("SELECT COUNT(*) FROM schema_version")).isEqualTo(Migrations.LATEST);
        assertThat(scalar("SELECT MAX(version) FROM schema_version")).isEqualTo(Migrations.LATEST);
    }

    @Test
    void aStoreOfSchema7UpgradesInPlaceWithTheKindsOfItsEntriesTakenFromTheirIds() throws SQLException {
        Path old = dir.resolve("old").resolve("wachposten.db");
        old.getParent().toFile().mkdirs();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            for (int v = 1; v <= 7; v++) {
                for (String sql : SqlScript.load("db/sqlite/" + Migrations.SCRIPTS.get(v - 1))) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO schema_version VALUES (" + v + ", '" + Migrations.SCRIPTS.get(v - 1) + "', 'x')");
            }
            int row = 0;
            for (String id : List.of("77", "profile:2", "credentials:3", "xprofile:1")) {
                row++;
                String t = Times.text(at(row));
                s.execute("INSERT INTO posts (id, channel_id, platform, platform_id, latest_version, published_at,"
                        + " first_seen_at) VALUES (" + row + ", 'c', 'mastodon', '" + id + "', 1, '" + t + "', '" + t
                        + "')");
                s.execute("INSERT INTO post_versions (post_id, version, text, search_text, published_at, links,"
                        + " seen_at, raw_json, detected) VALUES (" + row + ", 1, 'text " + id + "', 'text', '" + t
                        + "', '[]', '" + t + "', '{}', 1)");
            }
        }

        try (Store upgraded = SqliteStore.open(old, clock)) {
            assertThat(List.of("77", "profile:2", "credentials:3", "xprofile:1"))
                    .extracting(id -> upgraded.versions("c", id).getFirst().kind())
                    .containsExactly(StoredPost.Kind.POST, StoredPost.Kind.PROFILE, StoredPost.Kind.CREDENTIALS,
                            StoredPost.Kind.POST);
            assertThat(upgraded.recentPosts("c", 10)).extracting(v -> v.post().platformId())
                    .containsExactly("xprofile:1", "77");
        }
    }

    @Test
    void aStoreOfSchema8WithAPendingDeliveryUpgradesInPlaceAndTheDeliveryIsClaimed() throws SQLException {
        Path old = dir.resolve("v8").resolve("wachposten.db");
        old.getParent().toFile().mkdirs();
        String alertId = de.wachposten.model.Alert.idFor("c", "77");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            for (int v = 1; v <= 8; v++) {
                for (String sql : SqlScript.load("db/sqlite/" + Migrations.SCRIPTS.get(v - 1))) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO schema_version VALUES (" + v + ", '" + Migrations.SCRIPTS.get(v - 1) + "', 'x')");
            }
            String t = Times.text(at(0));
            s.execute("INSERT INTO posts (id, channel_id, platform, platform_id, latest_version, published_at,"
                    + " first_seen_at) VALUES (1, 'c', 'mastodon', '77', 1, '" + t + "', '" + t + "')");
            s.execute("INSERT INTO post_versions (post_id, version, text, search_text, published_at, links, seen_at,"
                    + " raw_json, detected) VALUES (1, 1, 'Hallo', 'hallo', '" + t + "', '[]', '" + t + "', '{}', 1)");
            s.execute("INSERT INTO alerts (id, post_id, version_id, channel_id, platform, office_id, severity, status,"
                    + " revision, reasons, created_at, updated_at) VALUES ('" + alertId + "', 1, 1, 'c', 'mastodon',"
                    + " 'o', 'high', 'open', 1, '[{\"category\":null,\"code\":\"unapproved\",\"detail\":\"x\","
                    + "\"matches\":[],\"rule\":null,\"severity\":\"high\"}]', '" + t + "', '" + t + "')");
            s.execute("INSERT INTO deliveries (alert_id, revision, sink_key, created_at, next_attempt_at) VALUES ('"
                    + alertId + "', 1, 'o#0:webhook', '" + t + "', '" + t + "')");
        }

        try (JdbcStore upgraded = SqliteStore.open(old, clock)) {
            assertThat(upgraded.dueDeliveries(at(0), 10)).extracting(d -> d.sinkKey()).containsExactly("o#0:webhook");
            assertThat(upgraded.alert(alertId)).isPresent();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MAX(version), (SELECT COUNT(*) FROM deliveries"
                         + " WHERE claimed_by IS NOT NULL) FROM schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(Migrations.LATEST);
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void theFileRunsInWriteAheadLogMode() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file(dir));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void aStoreWrittenByANewerVersionIsRefused() throws SQLException {
        int future = Migrations.LATEST + 1;
        rawSql("INSERT INTO schema_version (version, script, applied_at) VALUES (" + future + ", 'V" + future
                + "__future.sql', 'x')");

        assertThatThrownBy(() -> SqliteStore.open(file(dir), clock)).isInstanceOf(StoreException.class)
                .hasMessage(file(dir) + ": store schema version " + future + " is newer than this Wachposten ("
                        + Migrations.LATEST + ")");
        store = newStore(dir.resolve("fresh"), clock);
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedNamingTheFile() throws IOException {
        Path notDb = dir.resolve("x.db");
        Files.writeString(notDb, "this is a text file, not a database, and it is long enough to have a header");

        assertThatThrownBy(() -> SqliteStore.open(notDb, clock)).isInstanceOf(StoreException.class)
                .hasMessage(notDb + " is not a readable Wachposten store: file is not a database");
    }

    @Test
    void aTruncatedStoreIsRefusedNamingTheFile() throws IOException {
        for (int i = 0; i < 300; i++) {
            store.ingest("c", List.of(new Post("c", "twitter", "p" + i, null, null, "text ".repeat(50) + i,
                    at(i), null, null, null, null, at(i), null)), List.of(), "k", false, at(i));
        }
        store.close();
        byte[] bytes = Files.readAllBytes(file(dir));
        Files.write(file(dir), java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertThatThrownBy(() -> SqliteStore.open(file(dir), clock)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith(file(dir) + " is not a readable Wachposten store");
        store = newStore(dir.resolve("fresh"), clock);
    }

    @Test
    void theAuditLogRefusesUpdatesThroughSql() {
        fiveAuditRecords();

        assertThatThrownBy(() -> tamper("UPDATE audit SET subject = 'x' WHERE seq = 2"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        store = reopen(dir, clock);
    }

    @Test
    void aChangedAuditRecordIsNamed() throws SQLException {
        fiveAuditRecords();
        tamper("DROP TRIGGER audit_no_update", "UPDATE audit SET data = '{\"i\":99}' WHERE seq = 3");

        assertThat(store.verifyAudit()).isEqualTo(
                new AuditCheck(3, false, 3, "record 3: hash does not match its content (changed)"));
    }

    @Test
    void aRemovedAuditRecordIsNamed() throws SQLException {
        fiveAuditRecords();
        tamper("DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE seq = 3");

        assertThat(store.verifyAudit()).isEqualTo(
                new AuditCheck(3, false, 3, "record 4 follows 2: record 3 is missing (removed)"));
    }

    @Test
    void anInsertedAuditRecordIsNamed() throws SQLException {
        fiveAuditRecords();
        String prev = (String) store.auditEvents("subject/2", null, null).getFirst().get("hash");
        String at = Times.text(Instant.parse("2016-01-08T05:33:00Z"));
        String hash = AuditLog.hash(3, at, "test.event", "forged", "{}", prev);
        tamper("DROP TRIGGER audit_no_update",
                "UPDATE audit SET seq = -seq WHERE seq >= 3", "UPDATE audit SET seq = 1 - seq WHERE seq < 0",
                "INSERT INTO audit (seq, at, type, subject, data, prev_hash, hash) VALUES (3, '" + at
                        + "', 'test.event', 'forged', '{}', '" + prev + "', '" + hash + "')");

        AuditCheck check = store.verifyAudit();
        assertThat(check.ok()).isFalse();
        assertThat(check.firstBad()).isEqualTo(3);
        assertThat(check.problem()).isEqualTo("record 3: record 4 links past it to record 2 (inserted)");
    }

    @Test
    void aRewrittenAuditRecordWithAFreshHashBreaksTheLinkOfItsSuccessor() throws SQLException {
        fiveAuditRecords();
        var e = store.auditEvents("subject/2", null, null).getFirst();
        String newHash = AuditLog.hash(2, Times.text(at(2)), "test.event", "subject/2", "{\"i\":0}",
                (String) e.get("prev_hash"));
        tamper("DROP TRIGGER audit_no_update",
                "UPDATE audit SET data = '{\"i\":0}', hash = '" + newHash + "' WHERE seq = 2");

        AuditCheck check = store.verifyAudit();
        assertThat(check.firstBad()).isEqualTo(3);
        assertThat(check.problem()).startsWith("record 3: its link does not match record 2");
    }

    @Test
    void aStoreOfSchema8UpgradesWithTheReasonsOfItsAlertsIndexedForTheInbox() throws SQLException {
        Path old = dir.resolve("old8").resolve("wachposten.db");
        old.getParent().toFile().mkdirs();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            for (int v = 1; v <= 8; v++) {
                for (String sql : SqlScript.load("db/sqlite/" + Migrations.SCRIPTS.get(v - 1))) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO schema_version VALUES (" + v + ", '" + Migrations.SCRIPTS.get(v - 1) + "', 'x')");
            }
            for (int row = 1; row <= 2; row++) {
                String t = Times.text(at(row));
                s.execute("INSERT INTO posts (id, channel_id, platform, platform_id, latest_version, published_at,"
                        + " first_seen_at) VALUES (" + row + ", 'c', 'mastodon', 'p" + row + "', 1, '" + t + "', '"
                        + t + "')");
                s.execute("INSERT INTO post_versions (id, post_id, version, text, search_text, published_at, links,"
                        + " seen_at, raw_json, detected) VALUES (" + row + ", " + row + ", 1, 'text', 'text', '" + t
                        + "', '[]', '" + t + "', '{}', 1)");
                String reasons = row == 1
                        ? "[{\"code\":\"unapproved\",\"severity\":\"high\",\"detail\":\"\",\"matches\":[]},"
                        + "{\"code\":\"outside_hours\",\"severity\":\"medium\",\"detail\":\"\",\"matches\":[]}]"
                        : "[{\"code\":\"unapproved\",\"severity\":\"high\",\"detail\":\"\",\"matches\":[]}]";
                s.execute("INSERT INTO alerts (id, post_id, version_id, channel_id, platform, office_id, severity,"
                        + " status, revision, reasons, created_at, updated_at) VALUES ('a-" + row + "', " + row + ", "
                        + row + ", 'c', 'mastodon', 'o', 'high', 'open', 1, '" + reasons + "', '" + t + "', '" + t
                        + "')");
            }
        }

        try (Store upgraded = SqliteStore.open(old, clock)) {
            assertThat(upgraded.alertPage(de.wachposten.store.AlertQuery.first(null, AlertStatus.OPEN, null,
                    ReasonCode.OUTSIDE_HOURS, 10))).extracting(Alert::id).containsExactly("a-1");
            assertThat(upgraded.alertPage(de.wachposten.store.AlertQuery.first(null, AlertStatus.OPEN, null,
                    ReasonCode.UNAPPROVED, 10))).extracting(Alert::id).containsExactly("a-2", "a-1");
        }
    }
}
