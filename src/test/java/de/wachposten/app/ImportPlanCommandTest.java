package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.store.jdbc.JdbcStore;
import de.wachposten.store.jdbc.PostgresOptions;
import de.wachposten.store.jdbc.PostgresStore;
import de.wachposten.store.jdbc.SqliteStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPlanCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).execute(args);
    }

    private Path config() throws Exception {
        Path c = dir.resolve("wachposten.yaml");
        Files.writeString(c, """
                store:
                  path: %s
                offices:
                  - id: sms-presse
                users:
                  - id: anna
                    roles: [drafter]
                    offices: [sms-presse]
                    token_sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
                  - id: bernd
                    roles: [approver]
                    offices: [sms-presse]
                    token_sha256: fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9
                channels:
                  - id: sms-mastodon
                    platform: mastodon
                    account: sms@social.example
                    office: sms-presse
                    policy: {approval: required}
                """.formatted(dir.resolve("store.db")));
        return c;
    }

    @Test
    void importsACalendarWithTheApproverFromTheCommandLine() throws Exception {
        Path plan = dir.resolve("plan.ics");
        Files.writeString(plan, String.join("\r\n", "BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20160108T080000Z",
                "SUMMARY:Guten Morgen Sachsen", "CATEGORIES:sms-mastodon", "X-WACHPOSTEN-DRAFTED-BY:anna",
                "END:VEVENT", "END:VCALENDAR", ""));

        int code = run("import-plan", "--config", config().toString(), "--approver", "bernd", plan.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("imported 1 approvals");
        try (JdbcStore store = SqliteStore.open(dir.resolve("store.db"), Clock.systemUTC())) {
            assertThat(store.openApprovals("sms-mastodon")).singleElement()
                    .satisfies(a -> assertThat(a.approvedBy()).isEqualTo("bernd"));
        }
    }

    @Test
    void aBadPlanExitsWithTwoListsEveryErrorAndStoresNothing() throws Exception {
        Path plan = dir.resolve("plan.csv");
        Files.writeString(plan, "channel,drafted_by,approved_by,text\nsms-mastodon,anna,bernd,gut\nsms-x,anna,bernd,x\n"
                + "sms-mastodon,anna,anna,selbst\n");

        int code = run("import-plan", "--config", config().toString(), plan.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(plan + ":3: unknown channel 'sms-x'",
                plan + ":4: approved_by: user anna lacks the approver role for office sms-presse",
                plan + ":4: four-eyes: anna cannot approve a text drafted by anna", "nothing imported (3 errors)");
        assertThat(Files.exists(dir.resolve("store.db"))).isFalse();
    }

    @Test
    void aPlanIsImportedIntoThePostgresStoreOfAJdbcUrl() throws Exception {
        String url = de.wachposten.testkit.PostgresServer.get().createDatabase();
        Path c = config();
        Files.writeString(c, Files.readString(c).replaceAll("store:\n  path: [^\n]*\n",
                "store:\n  jdbc_url: " + url + "\n  user: postgres\n"));
        Path plan = dir.resolve("plan.csv");
        Files.writeString(plan, "channel,drafted_by,approved_by,text\nsms-mastodon,anna,bernd,gut\n");

        int code = run("import-plan", "--config", c.toString(), plan.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        try (JdbcStore store = PostgresStore.open(PostgresOptions.of(url, "postgres", null), true,
                Clock.systemUTC())) {
            assertThat(store.approvals("sms-mastodon")).extracting(a -> a.text()).containsExactly("gut");
        }
        assertThat(dir.resolve("store.db")).doesNotExist();
    }

    @Test
    void anUnreachableDatabaseFailsTheImportAndNothingIsImported() throws Exception {
        Path c = config();
        Files.writeString(c, Files.readString(c).replaceAll("store:\n  path: [^\n]*\n",
                "store:\n  jdbc_url: jdbc:postgresql://127.0.0.1:1/wachposten\n  connect_timeout: 1s\n"));
        Path plan = dir.resolve("plan.csv");
        Files.writeString(plan, "channel,drafted_by,approved_by,text\nsms-mastodon,anna,bernd,gut\n");

        int code = run("import-plan", "--config", c.toString(), plan.toString());

        assertThat(code).isEqualTo(Cli.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("wachposten: import of " + plan
                + " failed, nothing imported: open store jdbc:postgresql://127.0.0.1:1/wachposten: ");
        assertThat(dir.resolve("store.db")).doesNotExist();
    }
}
