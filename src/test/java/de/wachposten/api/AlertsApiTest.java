package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.alert.AlertJson;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Resolution;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertsApiTest {
    private final ApiFixture api = new ApiFixture();
    private Alert open;
    private Alert acknowledged;
    private Alert otherOffice;

    @BeforeEach
    void seed() {
        open = ApiFixture.openAlert(ApiFixture.tweet("1", "Unfreigegeben", Instant.parse("2016-01-08T05:30:00Z")),
                "sms-presse", ReasonCode.UNAPPROVED);
        Alert ackSource = ApiFixture.openAlert(ApiFixture.tweet("2", "Nachts", Instant.parse("2016-01-07T23:00:00Z")),
                "sms-presse", ReasonCode.OUTSIDE_HOURS);
        acknowledged = new Alert(ackSource.id(), ackSource.channelId(), ackSource.platform(), ackSource.officeId(),
                ackSource.severity(), ackSource.reasons(), ackSource.post(), ackSource.createdAt(),
                ackSource.updatedAt(), 2, AlertStatus.ACKNOWLEDGED, Resolution.FALSE_POSITIVE);
        Post smk = new Post("smk-twitter", "twitter", "3", null, "SMK_Sachsen", "Schule", Instant.parse(
                "2016-01-08T06:00:00Z"), null, null, null, List.of(), Instant.parse("2016-01-08T06:01:00Z"), "{}");
        otherOffice = ApiFixture.openAlert(smk, "smk-presse", ReasonCode.UNAPPROVED);
        List.of(open, acknowledged, otherOffice).forEach(api::putAlert);
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void listsOnlyTheAlertsOfTheCallersOfficesAsWebhookBodiesWithStatus() {
        HttpResponse<Buffer> r = api.get("/api/v1/alerts", "vera");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonArray()).isEqualTo(new JsonArray()
                .add(AlertJson.withStatus(open)).add(AlertJson.withStatus(acknowledged)));
        assertThat(api.get("/api/v1/alerts", "root").bodyAsJsonArray()).hasSize(3);
    }

    @Test
    void filtersByStatusAndChannel() {
        JsonArray openOnes = api.get("/api/v1/alerts?status=open", "root").bodyAsJsonArray();
        JsonArray acked = api.get("/api/v1/alerts?status=acknowledged&channel=sms-twitter", "anna").bodyAsJsonArray();
        JsonArray smk = api.get("/api/v1/alerts?channel=smk-twitter", "carl").bodyAsJsonArray();

        assertThat(openOnes).extracting(o -> ((JsonObject) o).getString("alert_id"))
                .containsExactlyInAnyOrder(open.id(), otherOffice.id());
        assertThat(acked).extracting(o -> ((JsonObject) o).getString("alert_id")).containsExactly(acknowledged.id());
        assertThat(acked.getJsonObject(0).getString("status")).isEqualTo("acknowledged");
        assertThat(acked.getJsonObject(0).getString("resolution")).isEqualTo("false_positive");
        assertThat(smk).extracting(o -> ((JsonObject) o).getString("alert_id")).containsExactly(otherOffice.id());
    }

    @Test
    void answers400NamingStatusForAnUnknownStatus() {
        HttpResponse<Buffer> r = api.get("/api/v1/alerts?status=closed", "anna");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("type", "about:blank")
                .put("title", "Bad Request").put("status", 400)
                .put("detail", "field 'status': unknown alert status 'closed' (expected open, acknowledged or resolved)")
                .put("field", "status"));
    }

    @Test
    void answers403NamingTheOfficeForAChannelOfAnotherOffice() {
        HttpResponse<Buffer> r = api.get("/api/v1/alerts?channel=smk-twitter", "anna");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.bodyAsJsonObject().getString("detail")).isEqualTo("user anna has no access to office smk-presse");
    }

    @Test
    void acknowledgesAnOpenAlertEnqueuesItForTheSinksAndKeepsTheNote() {
        HttpResponse<Buffer> r = api.post("/api/v1/alerts/" + open.id() + "/ack", "anna",
                "{\"resolution\":\"incident\",\"note\":\"Polizei informiert\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        Alert stored = api.store.alert(open.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(stored.resolution()).isEqualTo(Resolution.INCIDENT);
        assertThat(r.bodyAsJsonObject()).isEqualTo(AlertJson.withStatus(stored));
        assertThat(api.outbox()).singleElement().satisfies(d -> {
            assertThat(d.sinkKey()).isEqualTo(ApiFixture.SMS_SINK);
            assertThat(d.revision()).isEqualTo(2);
        });
        assertThat(api.audit()).anySatisfy(e -> {
            assertThat(e.get("type")).isEqualTo("alert.note");
            assertThat(e.get("data").toString()).contains("Polizei informiert");
        });
        assertThat(api.kicks).hasValue(1);
    }

    @Test
    void answers409ForAnAlertThatIsNoLongerOpen() {
        HttpResponse<Buffer> r = api.post("/api/v1/alerts/" + acknowledged.id() + "/ack", "bernd",
                "{\"resolution\":\"incident\"}");

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.bodyAsJsonObject().getString("detail"))
                .isEqualTo("alert " + acknowledged.id() + " is already acknowledged (false_positive)");
    }

    @Test
    void refusesAViewerAndAMemberOfAnotherOfficeAndAnswers404ForAnUnknownAlert() {
        String body = "{\"resolution\":\"false_positive\"}";

        assertThat(api.post("/api/v1/alerts/" + open.id() + "/ack", "vera", body).bodyAsJsonObject()
                .getString("detail")).isEqualTo("user vera lacks the drafter or approver role for office sms-presse");
        assertThat(api.post("/api/v1/alerts/" + open.id() + "/ack", "carl", body).statusCode()).isEqualTo(403);
        HttpResponse<Buffer> unknown = api.post("/api/v1/alerts/a-0000/ack", "bernd", body);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.bodyAsJsonObject().getString("detail")).isEqualTo("alert a-0000 not found");
        assertThat(api.store.alert(open.id()).orElseThrow().status()).isEqualTo(AlertStatus.OPEN);
    }

    @Test
    void answers400NamingResolutionForAnUnknownResolution() {
        HttpResponse<Buffer> r = api.post("/api/v1/alerts/" + open.id() + "/ack", "bernd", "{\"resolution\":\"oops\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo("resolution");
        assertThat(r.bodyAsJsonObject().getString("detail")).isEqualTo(
                "field 'resolution': unknown resolution 'oops' (expected approved_late, false_positive or incident)");
    }
}
