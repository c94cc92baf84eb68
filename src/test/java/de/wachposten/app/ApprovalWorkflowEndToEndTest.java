package de.wachposten.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.wachposten.model.Alert;
import de.wachposten.simulator.mastodon.SimAccount;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two approval paths of a press office through the HTTP API of a running daemon: a draft approved by the
 * spokesperson lets the post through without an alert; a post without approval alerts, and the approval given
 * afterwards resolves that alert as {@code approved_late}.
 */
class ApprovalWorkflowEndToEndTest {
    @TempDir
    Path dir;
    private DaemonHarness h;
    private Daemon daemon;
    private SimAccount sms;

    @BeforeEach
    void start() throws Exception {
        h = new DaemonHarness(dir);
        sms = h.account("SMS_Sachsen");
        h.account("polizeisachsen");
        h.publish(sms, "Archiv", "2016-01-07T12:00:00", "Web");
        daemon = h.startDaemon(h.writeConfig("200ms"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !daemon.store().channelState("sms").firstPoll());
    }

    @AfterEach
    void stop() throws Exception {
        daemon.stop().await(20, TimeUnit.SECONDS);
        h.close();
    }

    @Test
    void aDraftApprovedByTheSpokespersonLetsThePostThroughWithoutAlert() throws Exception {
        String text = "Heute 11 Uhr: Ministerin eröffnet das neue Pflegeheim in Chemnitz.";
        HttpResponse<String> draft = h.post("/api/v1/drafts", DaemonHarness.ANNA, new JsonObject()
                .put("channel", "sms").put("text", text)
                .put("not_before", DaemonHarness.berlin("2016-01-08T09:00:00").toString())
                .put("not_after", DaemonHarness.berlin("2016-01-08T11:00:00").toString()));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String draftId = new JsonObject(draft.body()).getString("id");

        HttpResponse<String> own = h.post("/api/v1/drafts/" + draftId + "/approve", DaemonHarness.ANNA, new JsonObject());
        assertThat(own.statusCode()).isEqualTo(403);
        HttpResponse<String> approved = h.post("/api/v1/drafts/" + draftId + "/approve", DaemonHarness.BERND, new JsonObject());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        String id = h.publish(sms, text + " #Sachsen", "2016-01-08T10:00:00", "Hootsuite");
        await().atMost(Duration.ofSeconds(10)).until(() -> !daemon.store().versions("sms", id).isEmpty()
                && daemon.store().versions("sms", id).get(0).detected());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> h.hook.received().isEmpty());
        assertThat(daemon.store().alerts(null, "sms")).isEmpty();
    }

    @Test
    void anApprovalGivenAfterThePostResolvesItsAlertAsApprovedLate() throws Exception {
        String text = "Pressemitteilung: Neue Förderrichtlinie für Pflegeheime veröffentlicht.";
        String id = h.publish(sms, text, "2016-01-08T10:00:00", "Web");
        String alertId = Alert.idFor("sms", id);
        h.hook.awaitAccepted(1);
        assertThat(h.hook.accepted().get(0).body().getJsonArray("reasons").getJsonObject(0).getString("code"))
                .isEqualTo("unapproved");

        HttpResponse<String> late = h.post("/api/v1/approvals", DaemonHarness.BERND, new JsonObject()
                .put("channel", "sms").put("text", text).put("drafted_by", "anna"));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
        JsonObject body = new JsonObject(late.body());
        assertThat(body.getBoolean("late")).isTrue();
        assertThat(body.getString("resolved_alert")).isEqualTo(alertId);

        JsonArray resolved = new JsonArray(h.get("/api/v1/alerts?status=resolved&channel=sms", DaemonHarness.BERND).body());
        assertThat(resolved).hasSize(1);
        assertThat(resolved.getJsonObject(0).getString("resolution")).isEqualTo("approved_late");
        // the press office's webhook learns of the resolution as the alert's next revision
        await().atMost(Duration.ofSeconds(10)).until(() -> h.hook.acceptedIds().contains(alertId + "_r2"));
        JsonArray approvals = new JsonArray(h.get("/api/v1/approvals?channel=sms", DaemonHarness.BERND).body());
        assertThat(approvals.getJsonObject(0).getBoolean("late")).isTrue();
    }
}
