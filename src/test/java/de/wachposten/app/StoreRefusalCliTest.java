package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command opens its store through {@link Wiring}: a store this version cannot open is refused alike by all. */
class StoreRefusalCliTest {
    private static final String REFUSAL = "store.jdbc_url: PostgreSQL is not supported by this version; use store.path (SQLite)";

    @TempDir
    Path dir;
    private Path config;
    private Path db;

    @BeforeEach
    void aConfigWithAJdbcUrl() throws Exception {
        db = dir.resolve("wachposten.db");
        config = dir.resolve("wachposten.yaml");
        Files.writeString(config, """
                server:
                  host: 127.0.0.1
                  port: 0
                store:
                  path: %s
                  jdbc_url: jdbc:postgresql://db/wachposten
                offices:
                  - id: sms-presse
                users:
                  - id: anna
                    roles: [drafter]
                    offices: [sms-presse]
                    token_sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
                  - id: bernd
                    roles: [drafter, approver]
                    offices: [sms-presse]
                    token_sha256: fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9
                channels:
                  - id: sms-sachsen
                    platform: mastodon
                    account: SMS_Sachsen
                    base_url: http://127.0.0.1:9
                    office: sms-presse
                """.formatted(db));
    }

    private String[] cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).execute(args);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private void refused(String[] r, String prefix) {
        assertThat(r[0]).as(r[2]).isEqualTo(String.valueOf(Cli.FAILED));
        assertThat(r[2]).contains(prefix + REFUSAL);
        assertThat(db).doesNotExist();
    }

    @Test
    void runRefusesAJdbcUrl() {
        refused(cli("run", "--config", config.toString()), "wachposten: not started: ");
    }

    @Test
    void reportRefusesItWithTheSameMessageAndExitCodeAsRun() {
        refused(cli("report", "--config", config.toString(), "--channel", "sms-sachsen", "--from", "2016-01-08",
                "--to", "2016-01-09"), "wachposten report: ");
    }

    @Test
    void verifyAuditRehuntAndImportPlanRefuseItToo() throws Exception {
        refused(cli("verify-audit", "--config", config.toString()), "wachposten: ");
        Path rules = Files.createDirectory(dir.resolve("rules"));
        refused(cli("rehunt", "--config", config.toString(), "--rules", rules.toString(), "--from", "2016-01-08",
                "--to", "2016-01-09"), "wachposten rehunt: ");
        Path plan = dir.resolve("plan.csv");
        Files.writeString(plan, "channel,drafted_by,approved_by,text\nsms-sachsen,anna,bernd,gut\n");
        refused(cli("import-plan", "--config", config.toString(), "--approver", "bernd", plan.toString()),
                "wachposten: import of " + plan + " failed, nothing imported: ");
    }
}
