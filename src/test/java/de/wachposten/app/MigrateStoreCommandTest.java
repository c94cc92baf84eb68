package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Approval;
import de.wachposten.model.Draft;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Resolution;
import de.wachposten.model.Severity;
import de.wachposten.store.Delivery;
import de.wachposten.store.ProfileSnapshot;
import de.wachposten.store.Recipients;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import de.wachposten.store.jdbc.PostgresOptions;
import de.wachposten.store.jdbc.PostgresStore;
import de.wachposten.store.jdbc.SqliteStore;
import de.wachposten.testkit.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate-store}: SQLite into PostgreSQL and back, every row and the audit chain as they were. */
class MigrateStoreCommandTest {
    private static final Instant T0 = Instant.parse("2016-01-08T05:30:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String CH = "sms-twitter";
    private static final List<String> TABLES = List.of("channel_state", "posts", "post_versions", "approvals",
            "approval_events", "approval_late", "findings", "alerts", "deliveries", "escalations", "drafts",
            "draft_events", "rotation_tasks", "credential_rotations", "channel_profiles", "settings", "audit");

    @TempDir
    Path dir;

    private String[] cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Wiring.defaults().withClock(CLOCK))
                .execute(args);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    private Path config(String name, String store) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "store:\n" + store + "offices:\n  - id: sms-presse\nchannels: []\n");
        return f;
    }

    private static Post post(String id, String text, Instant at) {
        return new Post(CH, "twitter", id, "https://x.example/" + id, "SMS_Sachsen", text, at, null, "Web", "de",
                List.of("https://www.sms.sachsen.de/"), at.plusSeconds(5), "{\"id\":\"" + id + "\"}");
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** A store with something in every table. */
    private static void fill(Store s) {
        Recipients sinks = Recipients.fixed(List.of("sms-presse#0:webhook", "sms-presse#1:email", "sms-presse#2:teams"));
        Approval approval = s.addApproval(new Approval("ap-1", CH, "Guten Morgen", at(0), at(600), "anna", "bernd",
                at(0), null, null, null));
        s.addApproval(new Approval("ap-2", CH, "Später", at(0), at(600), "anna", "bernd", at(1), null, null, null));
        s.revokeApproval("ap-2", "bernd", at(2));
        List<StoredPost> v = s.ingest(CH, List.of(post("1", "Guten Morgen", at(3)), post("2", "Unfreigegeben", at(4)),
                post("3", "Harmlos", at(5))), List.of(), "cursor-1", false, at(6));
        s.commitDetection(v.get(0), List.of(), approval.id(), "sms-presse", sinks, at(7));
        Finding unapproved = Finding.of(ReasonCode.UNAPPROVED, Severity.HIGH, "no approval matches");
        Alert alert = s.commitDetection(v.get(1), List.of(unapproved), null, "sms-presse", sinks, at(7)).orElseThrow();
        s.commitDetection(v.get(2), List.of(), null, "sms-presse", sinks, at(7));
        StoredPost edit = s.ingest(CH, List.of(new Post(CH, "twitter", "2", "https://x.example/2", "SMS_Sachsen",
                "Unfreigegeben, bearbeitet", at(4), at(8), "Web", "de", List.of(), at(8), "{}")), List.of("3"),
                "cursor-2", false, at(9)).getFirst();
        s.commitDetection(edit, List.of(new Finding(ReasonCode.FLAGGED_CONTENT, Severity.CRITICAL, "matches r1", "r1",
                "hate", List.of("w"))), null, "sms-presse", sinks, at(10));
        List<Delivery> due = s.dueDeliveries(at(10), 10);
        s.deliverySucceeded(due.get(0).id(), at(11));
        s.deliveryRetry(due.get(1).id(), at(20), "HTTP 503");
        s.deliveryDead(due.get(2).id(), at(11), "HTTP 410");
        s.escalate(alert.id(), Duration.ofMinutes(5), null, sinks, at(15));
        s.closeAlert(alert.id(), AlertStatus.ACKNOWLEDGED, Resolution.INCIDENT, "bernd", null, sinks, at(16));
        s.addDraft(Draft.submitted("dr-1", CH, "Entwurf", null, at(600), "anna", at(17)));
        s.approveDraft("dr-1", "bernd", null, at(18));
        s.addDraft(Draft.submitted("dr-2", CH, "Abgelehnt", null, null, "anna", at(19)));
        s.rejectDraft("dr-2", "bernd", "zu lang", at(20));
        s.addApproval(new Approval("ap-late", CH, "Unfreigegeben", at(0), at(600), "anna", "bernd", at(21), null,
                null, null));
        s.markApprovalLate("ap-late", CH + "/2", alert.id(), at(21));
        s.openRotationTasks("carla", at(22), List.of(CH), "admin", at(22));
        s.recordCredentialRotation(CH, "admin", at(23));
        s.saveProfile(CH, new ProfileSnapshot(1, Map.of("display_name", "SMS Sachsen"), at(24)));
        s.recordPollFailure("sms-mastodon", at(25), "HTTP 500");
        s.setting("ack_link_key", "k-123");
        s.audit("test.event", "misc", Map.of("n", 1), at(26));
    }

    /** Every table's rows as text, ordered by their first column: equal for equal content on either database. */
    private static Map<String, List<String>> dump(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, String> row = new java.util.TreeMap<>();
                    for (int i = 1; i <= n; i++) {
                        String name = rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                        if (!name.equals("rowid")) {
                            Object value = rs.getObject(i);
                            row.put(name, value == null ? "null" : value.toString());
                        }
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            out.put(table, rows);
        }
        return out;
    }

    private static Map<String, List<String>> sqliteDump(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return dump(c);
        }
    }

    private static Map<String, List<String>> postgresDump(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, null)) {
            return dump(c);
        }
    }

    @Test
    void aSqliteStoreGoesIntoPostgresAndBackWithEveryRowAndTheAuditChainIntact() throws Exception {
        Path sqlite = dir.resolve("a.db");
        List<Map<String, Object>> audit;
        try (Store s = SqliteStore.open(sqlite, CLOCK)) {
            fill(s);
            audit = s.auditEvents(null, null, null);
        }
        Map<String, List<String>> original = sqliteDump(sqlite);
        assertThat(original).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());
        String url = PostgresServer.get().createDatabase();
        Path a = config("a.yaml", "  path: " + sqlite + "\n");
        Path b = config("b.yaml", "  jdbc_url: " + url + "\n  user: postgres\n");
        Path back = dir.resolve("back.db");
        Path c = config("c.yaml", "  path: " + back + "\n");

        String[] there = cli("migrate-store", "--from", a.toString(), "--to", b.toString());
        String[] verify = cli("verify-audit", "--config", b.toString());
        String[] home = cli("migrate-store", "--from", b.toString(), "--to", c.toString());

        assertThat(there[0]).as(there[2]).isEqualTo("0");
        assertThat(there[1]).startsWith("copied ").contains(" from " + sqlite + " to " + url + ": channel_state 2,")
                .endsWith(url + ": audit log intact (" + audit.size() + " records)\n");
        assertThat(verify[0]).isEqualTo("0");
        assertThat(postgresDump(url)).isEqualTo(original);
        assertThat(home[0]).as(home[2]).isEqualTo("0");
        assertThat(sqliteDump(back)).isEqualTo(original);
        try (Store pg = PostgresStore.open(PostgresOptions.of(url, PostgresServer.USER, null), true, CLOCK);
             Store s = SqliteStore.open(back, CLOCK)) {
            assertThat(pg.auditEvents(null, null, null)).isEqualTo(audit);
            assertThat(s.auditEvents(null, null, null)).isEqualTo(audit);
            assertThat(pg.alerts(null, null)).isEqualTo(s.alerts(null, null));
            assertThat(pg.approvals(null)).isEqualTo(s.approvals(null));
            assertThat(pg.drafts(null, null)).isEqualTo(s.drafts(null, null));
            pg.ingest(CH, List.of(post("4", "Nach dem Umzug", at(30))), List.of(), "cursor-3", false, at(30));
            pg.addApproval(new Approval("ap-new", CH, "Neu", at(30), at(600), "anna", "bernd", at(30), null, null,
                    null));
            assertThat(pg.verifyAudit().ok()).isTrue();
            assertThat(pg.approvals(null).getFirst().id()).isEqualTo("ap-new");
        }
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedAndKeptAsItWas() throws Exception {
        Path sqlite = dir.resolve("a.db");
        try (Store s = SqliteStore.open(sqlite, CLOCK)) {
            s.audit("test.event", "misc", Map.of(), T0);
        }
        String url = PostgresServer.get().createDatabase();
        try (Store pg = PostgresStore.open(PostgresOptions.of(url, PostgresServer.USER, null), false, CLOCK)) {
            pg.ingest(CH, List.of(post("9", "Schon da", T0)), List.of(), "c", false, T0);
        }
        Map<String, List<String>> before = postgresDump(url);

        String[] r = cli("migrate-store", "--from", config("a.yaml", "  path: " + sqlite + "\n").toString(),
                "--to", config("b.yaml", "  jdbc_url: " + url + "\n  user: postgres\n").toString());

        assertThat(r[0]).isEqualTo(String.valueOf(Cli.FAILED));
        assertThat(r[2]).isEqualTo("wachposten migrate-store: store " + url
                + " is not empty (table channel_state has 1 rows): migrate-store copies into an empty store only\n");
        assertThat(postgresDump(url)).isEqualTo(before);
    }

    @Test
    void theSameStoreOnBothSidesAndMissingOptionsAreUsageErrors() throws Exception {
        Path a = config("a.yaml", "  path: " + dir.resolve("a.db") + "\n");

        assertThat(cli("migrate-store", "--from", a.toString(), "--to", a.toString())[0]).isEqualTo("64");
        assertThat(cli("migrate-store", "--from", a.toString())[2])
                .isEqualTo("wachposten: migrate-store needs --from FILE and --to FILE\n");
    }
}
