package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.demo.Demo;
import de.wachposten.demo.ReplayClock;
import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import de.wachposten.model.Post;
import de.wachposten.store.Store;
import de.wachposten.store.jdbc.SqliteStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The morning of 8 January 2016 replayed against the whole daemon (replay clock: every recorded time reads as on that
 * morning), then {@code report} run on its store like a reviewer would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentReportTest {
    static final String SCRIPT_POST = "<script>alert('x')</script> Verkehrskontrolle & mehr";

    private DaemonFixture f;

    @BeforeAll
    void replayTheMorning(@TempDir Path dir) throws Exception {
        ReplayClock clock = new ReplayClock(Clock.systemUTC(), Demo.berlin("2016-01-07T16:20:00"));
        f = DaemonFixture.prepare(dir, clock);
        MastodonSimulator sim = f.sim().mastodon();
        SimAccount sms = sim.account("SMS_Sachsen", "Sozialministerium Sachsen");
        sim.account("polizeisachsen", "Polizei Sachsen");
        sim.publish(sms, "Die Ministerin besucht morgen die Tafel in Leipzig.", Demo.berlin("2016-01-07T14:05:00"), "Hootsuite");
        f.startDaemon(clock);
        await().atMost(Duration.ofSeconds(10)).until(() -> f.daemon().store().channelState("sms-sachsen").lastSuccessAt() != null);
        clock.jumpTo(Demo.berlin("2016-01-07T16:25:00"));
        assertThat(new Demo.Api(f.api()).post("/api/v1/approvals", "demo-bernd", new JsonObject()
                .put("channel", "sms-sachsen").put("text", Demo.APPROVED_TEXT).put("drafted_by", "anna")
                .put("not_before", Demo.berlin("2016-01-08T09:00:00").toString())
                .put("not_after", Demo.berlin("2016-01-08T11:00:00").toString())).statusCode()).isEqualTo(201);
        clock.jumpTo(Demo.berlin("2016-01-08T06:30:00"));
        String incident = sim.publish(sms, Demo.INCIDENT_TEXT, Demo.berlin("2016-01-08T06:30:00"), "Twitter for Windows");
        String alertId = f.receiver().awaitAccepted(1).getFirst().body().getString("alert_id");
        awaitDelivered(alertId, 1);
        clock.jumpTo(Demo.berlin("2016-01-08T06:52:00"));
        sim.delete(incident);
        await().atMost(Duration.ofSeconds(10)).until(() -> f.receiver().accepted().stream()
                .anyMatch(r -> r.body().encode().contains("\"deleted\"")));
        awaitDelivered(alertId, 2);
        clock.jumpTo(Demo.berlin("2016-01-08T07:05:00"));
        assertThat(new Demo.Api(f.api()).post("/api/v1/alerts/" + alertId + "/ack", "demo-bernd",
                new JsonObject().put("resolution", "incident")).statusCode()).isEqualTo(200);
        clock.jumpTo(Demo.berlin("2016-01-08T10:00:00"));
        String approved = sim.publish(sms, Demo.APPROVED_TEXT, Demo.berlin("2016-01-08T10:00:00"), "Hootsuite");
        await().atMost(Duration.ofSeconds(10)).until(() -> f.daemon().store().versions("sms-sachsen", approved).size() == 1);
        clock.jumpTo(Demo.berlin("2016-01-08T10:05:00"));
        sim.edit(approved, Demo.APPROVED_TEXT + " (korrigiert)", Demo.berlin("2016-01-08T10:05:00"));
        await().atMost(Duration.ofSeconds(10)).until(() -> f.daemon().store().versions("sms-sachsen", approved).size() == 2);
        f.stopDaemon();
        // A post whose text is markup (platforms that deliver plain text can carry it verbatim), stored as a poll would.
        try (Store store = SqliteStore.open(dir.resolve("wachposten.db"), clock)) {
            Instant at = Demo.berlin("2016-01-08T08:15:00");
            store.ingest("polizei-sachsen", List.of(new Post("polizei-sachsen", "mastodon", "p-1", null, "polizeisachsen",
                    SCRIPT_POST, at, null, "TweetDeck", "de", List.of(), at.plusSeconds(1), "{}")), List.of(),
                    store.channelState("polizei-sachsen").cursor(), false, at.plusSeconds(1));
        }
    }

    /** The outbox records a delivery after the receiver answered: wait for that before the clock jumps on. */
    private void awaitDelivered(String alertId, int revision) {
        await().atMost(Duration.ofSeconds(10)).until(() -> f.daemon().store().deliveries(alertId).stream()
                .anyMatch(d -> d.get("revision").equals(revision) && d.get("delivered_at") != null));
    }

    @AfterAll
    void stop() throws Exception {
        f.close();
    }

    private String[] report(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 3];
        all[0] = "report";
        all[1] = "--config";
        all[2] = f.configFile().toString();
        System.arraycopy(args, 0, all, 3, args.length);
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).execute(all);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theReviewOfTheIncidentNamesThePostTheMissingApprovalTheAlertItsDeliveryAndTheDeletion() {
        String[] r = report("--channel", "sms-sachsen", "--from", "2016-01-08", "--to", "2016-01-09");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        String md = r[1];
        assertThat(md).contains("# Incident review: sms-sachsen")
                .contains("**Posted:** On Fri 2016-01-08 06:30:00 CET (05:30:00 UTC) @SMS_Sachsen published from the client "
                        + "\"Twitter for Windows\": \"" + Demo.INCIDENT_TEXT + "\"")
                .contains("**Safeguard failed:** four-eyes approval (no approval record matches the post) [unapproved, high]")
                .contains("**Safeguard failed:** posting hours [outside_hours")
                .contains("**Safeguard failed:** content rules [flagged_content, critical]: trifft Regel de-dehumanizing-vermin")
                .contains("**Press office alerted:** office sms-presse via sms-presse")
                .contains("**Post disappeared:** found gone at Fri 2016-01-08 06:52:0")
                .contains("| alert created |", "| alert delivered |", "| post disappeared |", "| published |")
                .contains("## Approvals", "drafted by anna, approved by bernd", "used by sms-sachsen/")
                .contains("At Fri 2016-01-08 06:30:00 CET (05:30:00 UTC) @SMS_Sachsen posted from \"Twitter for Windows\"; "
                        + "safeguards failed: four-eyes approval (no approval record matches the post); posting hours; "
                        + "content rules. "
                        + "The press office sms-presse was alerted at 06:30:0")
                .contains("The post disappeared at 06:52:0")
                .contains("bernd acknowledged the alert at 07:05:0")
                .contains("**Acknowledged:** by bernd at Fri 2016-01-08 07:05:0")
                .contains("| acknowledged |");
        assertThat(md).containsPattern("time to acknowledge 35 min( \\d+ s)?");
        assertThat(md).containsPattern("time to detect [0-4](\\.\\d)? s").containsPattern("time to deliver [0-4](\\.\\d)? s");
        assertThat(md.indexOf("| published |")).isLessThan(md.indexOf("| alert created |"));
        assertThat(md.indexOf("| alert created |")).isLessThan(md.indexOf("| post disappeared |"));
    }

    @Test
    void everyEventOfTheMorningIsInTheIntactAuditChainStartingWithTheDaemonAndItsConfigHash() throws Exception {
        try (Store store = SqliteStore.open(f.configFile().resolveSibling("wachposten.db"), java.time.Clock.systemUTC())) {
            assertThat(store.verifyAudit().ok()).isTrue();
            List<Map<String, Object>> events = store.auditEvents(null, null, null);
            assertThat(events).extracting(e -> e.get("type")).contains("daemon.started", "post.seen", "approval.created",
                    "finding.recorded", "alert.created", "alert.delivered", "post.deleted", "alert.updated");
            Map<?, ?> started = (Map<?, ?>) events.stream().filter(e -> e.get("type").equals("daemon.started"))
                    .findFirst().orElseThrow().get("data");
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(f.configFile())));
            assertThat(started.get("config_sha256")).isEqualTo(sha);
            assertThat(started.get("config")).isEqualTo("wachposten.yaml");
        }
    }

    @Test
    void theReviewShowsTheConsumedApprovalAndEveryVersionOfAnEditedPost() {
        String md = report("--channel", "sms-sachsen", "--from", "2016-01-08T00:00", "--to", "2016-01-08T12:00")[1];
        assertThat(md).contains("| approval consumed |", "| edited |")
                .contains("- version 2, seen Fri 2016-01-08 10:05:0")
                .contains("(korrigiert)")
                .contains("- version 2: **deleted**, found gone Fri 2016-01-08 06:52:0");
        assertThat(md.indexOf("| approval consumed |")).isLessThan(md.indexOf("| edited |"));
    }

    @Test
    void theJsonReportCarriesTheTimesToDetectAndToDeliver() {
        String[] r = report("--channel", "sms-sachsen", "--from", "2016-01-08T00:00:00Z", "--to", "2016-01-09T00:00:00Z",
                "--format", "json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonObject incident = new JsonObject(r[1]).getJsonArray("incidents").getJsonObject(0);
        assertThat(incident.getString("published_at")).isEqualTo("2016-01-08T05:30:00Z");
        assertThat(incident.getDouble("time_to_detect_seconds")).isBetween(0.0, 5.0);
        assertThat(incident.getDouble("time_to_deliver_seconds")).isBetween(0.0, 5.0);
        assertThat(incident.getString("deleted_at")).startsWith("2016-01-08T05:52:0");
        assertThat(incident.getString("acknowledged_by")).isEqualTo("bernd");
        assertThat(incident.getString("resolution")).isEqualTo("incident");
        assertThat(incident.getDouble("time_to_acknowledge_seconds")).isBetween(2100.0, 2110.0);
        assertThat(incident.getJsonArray("reasons").stream().map(x -> ((JsonObject) x).getString("code")))
                .contains("unapproved", "outside_hours", "deleted");
    }

    @Test
    void theHtmlReportEscapesPostText() {
        String[] r = report("--channel", "polizei-sachsen", "--from", "2016-01-08", "--to", "2016-01-09", "--format", "html");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).doesNotContain("<script>").doesNotContain("alert('x')")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Verkehrskontrolle &amp; mehr");
        String md = report("--channel", "polizei-sachsen", "--from", "2016-01-08", "--to", "2016-01-09")[1];
        assertThat(md).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void anUnknownChannelIsNamedAndFails() {
        String[] r = report("--channel", "sms-twitter", "--from", "2016-01-08", "--to", "2016-01-09");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("unknown channel 'sms-twitter'").contains("sms-sachsen, polizei-sachsen");
    }

    @Test
    void aSpanWithNothingInItSaysSoAndFails() {
        String[] r = report("--channel", "sms-sachsen", "--from", "2015-01-01", "--to", "2015-01-02");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("report for channel sms-sachsen: nothing was recorded between 2014-12-31T23:00:00Z and "
                + "2015-01-01T23:00:00Z (no posts, approvals or alerts)");
        String[] reversed = report("--channel", "sms-sachsen", "--from", "2016-01-09", "--to", "2016-01-08");
        assertThat(reversed[0]).isEqualTo("1");
        assertThat(reversed[2]).contains("the span is empty");
    }

    @Test
    void aBadTimeOrFormatIsNamed() {
        assertThat(report("--channel", "sms-sachsen", "--from", "yesterday", "--to", "2016-01-09")[2])
                .contains("--from 'yesterday' is not a time");
        assertThat(report("--channel", "sms-sachsen", "--from", "2016-01-08", "--to", "2016-01-09", "--format", "pdf")[2])
                .contains("unknown report format 'pdf' (expected md, html or json)");
    }
}
