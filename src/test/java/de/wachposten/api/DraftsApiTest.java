package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Resolution;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DraftsApiTest {
    private static final String TEXT = "Heute 10 Uhr: Pressekonferenz zur Pflegereform.";

    private ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    private String submit(String user, String text) {
        HttpResponse<Buffer> r = api.post("/api/v1/drafts", user, new JsonObject().put("channel", "sms-twitter")
                .put("text", text).put("not_after", "2016-01-08T18:00:00Z").encode());
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        return r.bodyAsJsonObject().getString("id");
    }

    private static void assertProblem(HttpResponse<Buffer> r, int status, String detail) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.bodyAsJsonObject().getString("detail")).isEqualTo(detail);
    }

    @Test
    void aDrafterSubmitsADraftAndGets201WithItsIdAndStatusPending() {
        HttpResponse<Buffer> r = api.post("/api/v1/drafts", "anna", new JsonObject().put("channel", "sms-twitter")
                .put("text", TEXT).encode());

        assertThat(r.statusCode()).isEqualTo(201);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("id")).matches("dr-[0-9a-f]{12}");
        assertThat(body.getString("status")).isEqualTo("pending");
        assertThat(body.getString("drafted_by")).isEqualTo("anna");
        assertThat(body.containsKey("warnings")).isFalse();
        assertThat(api.store.auditEvents(null, null, null)).extracting(e -> e.get("type")).contains("draft.submitted");
    }

    @Test
    void anApproverOfTheOfficeTurnsTheDraftIntoAnApprovalOfTheDrafter() {
        String id = submit("anna", TEXT);

        HttpResponse<Buffer> r = api.post("/api/v1/drafts/" + id + "/approve", "bernd", null);

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("id")).startsWith("ap-");
        assertThat(body.getString("draft")).isEqualTo(id);
        assertThat(body.getString("drafted_by")).isEqualTo("anna");
        assertThat(body.getString("approved_by")).isEqualTo("bernd");
        assertThat(body.getString("not_after")).isEqualTo("2016-01-08T18:00:00Z");
        assertThat(body.getBoolean("late")).isFalse();
        assertThat(api.store.openApprovals("sms-twitter")).hasSize(1);
        JsonArray approved = api.get("/api/v1/drafts?channel=sms-twitter&status=approved", "vera").bodyAsJsonArray();
        assertThat(approved).hasSize(1);
        assertThat(approved.getJsonObject(0).getString("approval")).isEqualTo(body.getString("id"));
    }

    @Test
    void theDrafterCannotApproveTheirOwnDraft() {
        String id = submit("dora", TEXT);

        assertProblem(api.post("/api/v1/drafts/" + id + "/approve", "dora", null), 403,
                "four-eyes: dora cannot approve draft " + id + " they drafted themselves");
        assertThat(api.store.approvals(null)).isEmpty();
    }

    @Test
    void aDrafterCannotApproveAndAnApproverOfAnotherOfficeCannotEither() {
        String id = submit("anna", TEXT);

        assertProblem(api.post("/api/v1/drafts/" + id + "/approve", "vera", null), 403,
                "user vera lacks the approver role for office sms-presse");
        assertProblem(api.post("/api/v1/drafts/" + id + "/approve", "carl", null), 403,
                "user carl lacks the approver role for office sms-presse");
    }

    @Test
    void onlyADrafterOfTheChannelsOfficeMaySubmit() {
        assertProblem(api.post("/api/v1/drafts", "bernd", new JsonObject().put("channel", "sms-twitter")
                .put("text", TEXT).encode()), 403, "user bernd lacks the drafter role for office sms-presse");
    }

    @Test
    void aRejectedDraftCarriesTheReasonAndCanNoLongerBeApproved() {
        String id = submit("anna", TEXT);

        HttpResponse<Buffer> r = api.post("/api/v1/drafts/" + id + "/reject", "bernd",
                new JsonObject().put("reason", "Termin verschoben").encode());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("rejected");
        assertThat(r.bodyAsJsonObject().getString("reason")).isEqualTo("Termin verschoben");
        assertThat(r.bodyAsJsonObject().getString("rejected_by")).isEqualTo("bernd");
        assertProblem(api.post("/api/v1/drafts/" + id + "/approve", "dora", null), 409,
                "draft " + id + " is already rejected");
    }

    @Test
    void aRejectionNeedsAReason() {
        String id = submit("anna", TEXT);

        HttpResponse<Buffer> r = api.post("/api/v1/drafts/" + id + "/reject", "bernd", "{}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("detail")).contains("reason");
    }

    @Test
    void anUnknownDraftIs404AndABadStatusFilter400() {
        assertProblem(api.post("/api/v1/drafts/dr-000000000000/approve", "bernd", null), 404,
                "draft dr-000000000000 not found");
        HttpResponse<Buffer> r = api.get("/api/v1/drafts?status=maybe", "bernd");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("detail")).contains("status");
    }

    @Test
    void aTextLongerThanThePlatformAllowsIsAcceptedWithAWarning() {
        HttpResponse<Buffer> r = api.post("/api/v1/drafts", "anna", new JsonObject().put("channel", "sms-twitter")
                .put("text", "x".repeat(281)).encode());

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.bodyAsJsonObject().getJsonArray("warnings"))
                .containsExactly("text has 281 characters; twitter allows 280");
    }

    @Test
    void withMinApproversTwoTheDraftNeedsTwoDistinctApproversNeitherTheDrafter() {
        api.close();
        api = new ApiFixture(2);
        String id = submit("anna", TEXT);

        HttpResponse<Buffer> first = api.post("/api/v1/drafts/" + id + "/approve", "bernd", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.bodyAsJsonObject().getString("status")).isEqualTo("pending");
        assertThat(first.bodyAsJsonObject().getJsonArray("approvers")).containsExactly("bernd");
        assertThat(api.store.approvals(null)).isEmpty();
        assertProblem(api.post("/api/v1/drafts/" + id + "/approve", "bernd", null), 409,
                "draft " + id + " is already approved by bernd; min_approvers needs another approver");

        HttpResponse<Buffer> second = api.post("/api/v1/drafts/" + id + "/approve", "dora", null);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.bodyAsJsonObject().getString("approved_by")).isEqualTo("dora");
        assertThat(api.store.openApprovals("sms-twitter")).hasSize(1);
    }

    @Test
    void approvingADraftAfterThePostResolvesItsUnapprovedAlertAsApprovedLate() {
        Post tweet = ApiFixture.tweet("685367146843262976", TEXT + " #Sachsen", ApiFixture.NOW.minusSeconds(600));
        Alert alert = ApiFixture.openAlert(tweet, "sms-presse", ReasonCode.UNAPPROVED);
        api.putAlert(alert);
        String id = submit("anna", TEXT);

        HttpResponse<Buffer> r = api.post("/api/v1/drafts/" + id + "/approve", "bernd", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getBoolean("late")).isTrue();
        assertThat(r.bodyAsJsonObject().getString("resolved_alert")).isEqualTo(alert.id());
        Alert after = api.store.alert(alert.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(after.resolution()).isEqualTo(Resolution.APPROVED_LATE);
        JsonObject listed = api.get("/api/v1/approvals?channel=sms-twitter", "vera").bodyAsJsonArray().getJsonObject(0);
        assertThat(listed.getBoolean("late")).isTrue();
        assertThat(listed.getString("late_for")).isEqualTo("sms-twitter/685367146843262976");
        assertThat(listed.getString("consumed_by")).isEqualTo("sms-twitter/685367146843262976");
    }
}
