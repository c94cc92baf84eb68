package de.wachposten.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.app.Cli;
import de.wachposten.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify-audit} and {@code run} on damaged store files, as an operator would meet them. */
class AuditAndStoreFileCliTest {
    @TempDir
    Path dir;
    private Path db;
    private Path config;

    @BeforeEach
    void aStoreWithFiveAuditRecords() throws Exception {
        db = dir.resolve("wachposten.db");
        try (Store store = SqliteStore.open(db, Clock.systemUTC())) {
            for (int i = 1; i <= 5; i++) {
                store.audit("post.seen", "sms-sachsen/" + i, Map.of("version", 1), at(i));
            }
        }
        config = dir.resolve("wachposten.yaml");
        Files.writeString(config, """
                server:
                  host: 127.0.0.1
                  port: 0
                store:
                  path: %s
                offices:
                  - id: sms-presse
                channels:
                  - id: sms-sachsen
                    platform: mastodon
                    account: SMS_Sachsen
                    base_url: http://127.0.0.1:9
                    office: sms-presse
                """.formatted(db));
    }

    private static Instant at(int i) {
        return Instant.parse("2016-01-08T05:30:00Z").plusSeconds(i);
    }

    private String[] cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).execute(args);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Test
    void anIntactChainPassesWithTheRecordCount() {
        String[] r = cli("verify-audit", "--config", config.toString());
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("audit log intact (5 records)");
    }

    @Test
    void aMissingStoreFileIsNamedAndNotCreated() throws Exception {
        Files.delete(db);
        String[] r = cli("verify-audit", "--config", config.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("store file " + db + " does not exist");
        assertThat(db).doesNotExist();
    }

    @Test
    void aChangedRecordIsNamedAndFails() throws Exception {
        sql("DROP TRIGGER audit_no_update", "UPDATE audit SET subject = 'sms-sachsen/99' WHERE seq = 3");
        String[] r = cli("verify-audit", "--config", config.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).contains("audit log damaged at record 3: record 3: hash does not match its content (changed)");
    }

    @Test
    void aDeletedRecordIsNamedAndFails() throws Exception {
        sql("DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE seq = 2");
        String[] r = cli("verify-audit", "--config", config.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).contains("audit log damaged at record 2: record 3 follows 1: record 2 is missing (removed)");
    }

    @Test
    void anInsertedRecordWithAValidHashIsNamedAndFails() throws Exception {
        String prev;
        try (Store store = SqliteStore.open(db, Clock.systemUTC())) {
            prev = (String) store.auditEvents("sms-sachsen/2", null, null).getFirst().get("hash");
        }
        String at = Times.text(Instant.parse("2016-01-08T05:30:02.500Z"));
        String hash = AuditLog.hash(3, at, "approval.created", "sms-sachsen/approvals/forged", "{}", prev);
        sql("DROP TRIGGER audit_no_update", "UPDATE audit SET seq = -seq WHERE seq >= 3",
                "UPDATE audit SET seq = 1 - seq WHERE seq < 0",
                "INSERT INTO audit (seq, at, type, subject, data, prev_hash, hash) VALUES (3, '" + at
                        + "', 'approval.created', 'sms-sachsen/approvals/forged', '{}', '" + prev + "', '" + hash + "')");
        String[] r = cli("verify-audit", "--config", config.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).contains("audit log damaged at record 3: record 3: record 4 links past it to record 2 (inserted)");
    }

    @Test
    void aTruncatedStoreFileIsReportedAtStartAndTheDaemonDoesNotRun() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        String[] run = cli("run", "--config", config.toString());
        assertThat(run[0]).isEqualTo("1");
        assertThat(run[2]).contains("wachposten: not started: " + db + " is not a readable Wachposten store:");
        String[] verify = cli("verify-audit", "--config", config.toString());
        assertThat(verify[0]).isEqualTo("1");
        assertThat(verify[2]).contains(db + " is not a readable Wachposten store:");
    }

    @Test
    void aFileThatIsNoDatabaseIsReportedAtStart() throws Exception {
        Files.writeString(db, "this is not a database, but it is long enough to have a header of sixteen bytes".repeat(20));
        String[] run = cli("run", "--config", config.toString());
        assertThat(run[0]).isEqualTo("1");
        assertThat(run[2]).contains("wachposten: not started: " + db
                + " is not a readable Wachposten store: file is not a database");
    }

    @Test
    void everyCommandThatReadsTheArchiveOpensThePostgresStoreOfAJdbcUrl() throws Exception {
        String url = de.wachposten.testkit.PostgresServer.get().createDatabase();
        try (Store store = PostgresStore.open(PostgresOptions.of(url, "postgres", null), false, Clock.systemUTC())) {
            for (int i = 1; i <= 3; i++) {
                store.audit("test.event", "sms-sachsen/" + i, Map.of("version", 1), at(i));
            }
            store.ingest("sms-sachsen", java.util.List.of(new de.wachposten.model.Post("sms-sachsen", "mastodon", "p1",
                    null, null, "Guten Morgen aus Dresden", at(4), null, null, null, null, at(4), null)),
                    java.util.List.of(), "c1", false, at(4));
        }
        Files.writeString(config, Files.readString(config).replace("  path: " + db + "\n",
                "  jdbc_url: " + url + "\n  user: postgres\n  connect_timeout: 5s\n"));
        Path rules = Files.createDirectory(dir.resolve("rules"));

        String[] verify = cli("verify-audit", "--config", config.toString());
        String[] report = cli("report", "--config", config.toString(), "--channel", "sms-sachsen", "--from",
                "2016-01-08", "--to", "2016-01-09", "--format", "json");
        String[] rehunt = cli("rehunt", "--config", config.toString(), "--rules", rules.toString(), "--from",
                "2016-01-08", "--to", "2016-01-09");

        assertThat(verify[0]).as(verify[2]).isEqualTo("0");
        assertThat(verify[1]).isEqualTo(url + ": audit log intact (4 records)\n");
        assertThat(report[0]).as(report[2]).isEqualTo("0");
        assertThat(report[1]).contains("Guten Morgen aus Dresden");
        assertThat(rehunt[0]).as(rehunt[2]).isEqualTo("0");
    }

    @Test
    void aDatabaseWithoutAStoreIsRefusedByTheCommandsThatReadOne() throws Exception {
        String url = de.wachposten.testkit.PostgresServer.get().createDatabase();
        Files.writeString(config, Files.readString(config).replace("  path: " + db + "\n",
                "  jdbc_url: " + url + "\n  user: postgres\n"));

        String[] verify = cli("verify-audit", "--config", config.toString());

        assertThat(verify[0]).isEqualTo(String.valueOf(Cli.FAILED));
        assertThat(verify[2]).isEqualTo("wachposten: store " + url + " holds no Wachposten store\n");
    }

    @Test
    void anUnreachableDatabaseIsReportedAtStartNamingItWithoutItsPassword() throws Exception {
        Files.writeString(config, Files.readString(config).replace("  path: " + db + "\n",
                "  jdbc_url: jdbc:postgresql://127.0.0.1:1/wachposten\n  user: wachposten\n"
                        + "  password: s3cr3t-Passw0rd\n  connect_timeout: 1s\n"));

        String[] run = cli("run", "--config", config.toString());

        assertThat(run[0]).isEqualTo("1");
        assertThat(run[2]).startsWith("wachposten: not started: open store jdbc:postgresql://127.0.0.1:1/wachposten: ");
        assertThat(run[1] + run[2]).doesNotContain("s3cr3t");
    }
}
