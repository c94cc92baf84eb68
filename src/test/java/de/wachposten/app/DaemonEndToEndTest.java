package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.model.Alert;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.testkit.WebhookReceiver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon end to end, as a timeline: a post appears at the simulator, the daemon polls it, stores it, evaluates it
 * and delivers a signed webhook, against a real SQLite file and real HTTP on loopback.
 */
class DaemonEndToEndTest {
    @TempDir
    Path dir;
    private DaemonHarness h;
    private Daemon daemon;
    private SimAccount sms;
    private SimAccount police;

    @BeforeEach
    void start() throws Exception {
        h = new DaemonHarness(dir);
        sms = h.account("SMS_Sachsen");
        police = h.account("polizeisachsen");
        h.publish(sms, "Die Ministerin besucht morgen die Tafel in Leipzig.", "2016-01-07T14:05:00", "Hootsuite");
        daemon = h.startDaemon(h.writeConfig("200ms"));
        awaitFirstPoll("sms");
        awaitFirstPoll("polizei");
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            daemon.stop().await(20, TimeUnit.SECONDS);
        }
        h.close();
    }

    private void awaitFirstPoll(String channel) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !daemon.store().channelState(channel).firstPoll());
    }

    @Test
    void theDehumanizingUnapprovedPostAt0630OnAFridayGivesExactlyOneSignedCriticalAlertWithEveryReason() {
        String id = h.publish(sms, "Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus.", "2016-01-08T06:30:00",
                "Twitter for Windows");

        WebhookReceiver.Received r = h.hook.awaitAccepted(1).get(0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> h.hook.received().size() == 1);

        assertThat(r.validSignature()).isTrue();
        String alertId = Alert.idFor("sms", id);
        assertThat(r.id()).isEqualTo(alertId + "_r1");
        JsonObject body = r.body();
        assertThat(body.getString("alert_id")).isEqualTo(alertId);
        assertThat(body.getString("channel")).isEqualTo("sms");
        assertThat(body.getString("platform")).isEqualTo("mastodon");
        assertThat(body.getString("office")).isEqualTo("sms-presse");
        assertThat(body.getString("severity")).isEqualTo("critical");
        assertThat(body.getJsonArray("reasons").stream().map(o -> ((JsonObject) o).getString("code")))
                .containsExactly("unapproved", "outside_hours", "flagged_content");
        JsonObject flagged = body.getJsonArray("reasons").getJsonObject(2);
        assertThat(flagged.getString("rule")).isEqualTo("de-dehumanizing-vermin");
        assertThat(flagged.getString("category")).isEqualTo("dehumanizing");
        assertThat(flagged.getString("severity")).isEqualTo("critical");
        // one reason, both explanations: the rule's word first, then the classifier's driving words
        assertThat(flagged.getJsonArray("matches").getString(0)).isEqualTo("Ungeziefer");
        assertThat(flagged.getString("detail")).contains("matches rule de-dehumanizing-vermin",
                "classifier: offensive language, probability", "driven by: Ungeziefer");
        assertThat(body.getJsonArray("reasons").getJsonObject(1).getString("detail"))
                .isEqualTo("Fri 06:30 Europe/Berlin; allowed Mon-Fri 07:00-19:00");
        JsonObject post = body.getJsonObject("post");
        assertThat(post.getString("id")).isEqualTo(id);
        assertThat(post.getString("author")).isEqualTo("SMS_Sachsen");
        assertThat(post.getString("published_at")).isEqualTo("2016-01-08T05:30:00Z");
        assertThat(post.getString("client")).isEqualTo("Twitter for Windows");
        assertThat(post.getString("text")).isEqualTo("Wer solche Leute ins Land lässt, holt sich Ungeziefer ins Haus.");
    }

    @Test
    void anApprovedPostInsideHoursGivesNoAlertAndConsumesItsApproval() throws Exception {
        String text = "Heute 11 Uhr: Ministerin eröffnet das neue Pflegeheim in Chemnitz.";
        HttpResponse<String> created = h.post("/api/v1/approvals", DaemonHarness.BERND, new JsonObject()
                .put("channel", "sms").put("text", text).put("drafted_by", "anna")
                .put("not_before", DaemonHarness.berlin("2016-01-08T09:00:00").toString())
                .put("not_after", DaemonHarness.berlin("2016-01-08T11:00:00").toString()));
        assertThat(created.statusCode()).isEqualTo(201);
        String approvalId = new JsonObject(created.body()).getString("id");

        String id = h.publish(sms, "<p>Heute 11 Uhr: Ministerin eröffnet das neue  Pflegeheim in Chemnitz.</p>",
                "2016-01-08T10:00:00", "Hootsuite");

        await().atMost(Duration.ofSeconds(10)).until(() -> daemon.store().versions("sms", id).stream()
                .allMatch(v -> v.detected()) && !daemon.store().versions("sms", id).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> h.hook.received().isEmpty());
        assertThat(daemon.store().approval(approvalId).orElseThrow().consumedBy()).isEqualTo("sms/" + id);
        assertThat(daemon.store().alerts(null, "sms")).isEmpty();
    }

    @Test
    void fourEyesAndRoleViolationsAreRefusedByTheRunningDaemon() throws Exception {
        JsonObject body = new JsonObject().put("channel", "sms").put("text", "Hallo").put("drafted_by", "anna");
        HttpResponse<String> asDrafter = h.post("/api/v1/approvals", DaemonHarness.ANNA, body);
        assertThat(asDrafter.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(asDrafter.body()).getString("detail"))
                .isEqualTo("user anna lacks the approver role for office sms-presse");

        HttpResponse<String> noToken = h.get("/api/v1/approvals", null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> badToken = h.get("/api/v1/approvals", "not-a-token");
        assertThat(badToken.statusCode()).isEqualTo(401);
    }

    @Test
    void aFailingChannelBacksOffAloneWhileTheOtherChannelKeepsAlertingAndNothingIsLost() throws Exception {
        h.sim.faults().inject("SMS_Sachsen", Fault.HTTP_500, 3);
        h.sim.faults().inject("SMS_Sachsen", Fault.rateLimited(Duration.ofSeconds(1), true), 1);
        h.sim.faults().inject("SMS_Sachsen", Fault.MALFORMED_JSON, 1);
        h.sim.faults().inject("SMS_Sachsen", Fault.TRUNCATED_JSON, 1);
        String smsPost = h.publish(sms, "Unfreigegeben während der Störung", "2016-01-08T06:31:00", "Web");
        String policePost = h.publish(police, "Nachtmeldung", "2016-01-08T03:00:00", "TweetDeck");

        // the healthy channel alerts while the other one is still failing
        await().atMost(Duration.ofSeconds(5)).until(() -> h.hook.acceptedIds().contains(Alert.idFor("polizei", policePost) + "_r1"));
        // the failing channel recovers by itself and its post is not lost
        await().atMost(Duration.ofSeconds(30)).until(() -> h.hook.acceptedIds().contains(Alert.idFor("sms", smsPost) + "_r1"));

        String metrics = h.get("/metrics", null).body();
        assertThat(metrics).contains("wachposten_polls_total{platform=\"mastodon\",result=\"server_error\"} 3.0");
        assertThat(metrics).contains("wachposten_polls_total{platform=\"mastodon\",result=\"rate_limited\"} 1.0");
        assertThat(metrics).contains("wachposten_polls_total{platform=\"mastodon\",result=\"malformed\"} 2.0");
        JsonArray channels = new JsonArray(h.get("/api/v1/channels", DaemonHarness.BERND).body());
        assertThat(channels.stream().map(c -> ((JsonObject) c).getString("id"))).containsExactly("sms", "polizei");
    }

    @Test
    void metricsAndHealthAreServedWithoutAToken() throws Exception {
        assertThat(h.get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(h.get("/health/ready", null).statusCode()).isEqualTo(200);
        String metrics = h.get("/metrics", null).body();
        for (String series : List.of("wachposten_posts_ingested_total", "wachposten_polls_total",
                "wachposten_findings_total{reason=\"unapproved\"}", "wachposten_channel_last_success_timestamp_seconds{channel=\"sms\"}",
                "wachposten_outbox_backlog", "wachposten_alert_deliveries_total", "wachposten_time_to_alert_seconds")) {
            assertThat(metrics).as(series).contains(series);
        }
    }
}
