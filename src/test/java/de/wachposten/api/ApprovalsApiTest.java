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
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApprovalsApiTest {
    private static final String TWEET = "Heute 10 Uhr: Pressekonferenz zur Pflegereform.";

    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    private static String request(String channel, String text, String draftedBy) {
        return new JsonObject().put("channel", channel).put("text", text).put("drafted_by", draftedBy).encode();
    }

    private static void assertProblem(HttpResponse<Buffer> r, int status, String title, String detail) {
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("type", "about:blank").put("title", title)
                .put("status", status).put("detail", detail));
        assertThat(r.statusCode()).isEqualTo(status);
    }

    @Test
    void createsAnApprovalByTheCallerAndAnswers201WithTheWholeRecord() {
        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "bernd", new JsonObject().put("channel", "sms-twitter")
                .put("text", TWEET).put("not_after", "2016-01-08T18:00:00Z").put("drafted_by", "anna").encode());

        assertThat(r.statusCode()).isEqualTo(201);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("id")).matches("ap-[0-9a-f]{12}");
        assertThat(body).isEqualTo(new JsonObject().put("id", body.getString("id")).put("channel", "sms-twitter")
                .put("text", TWEET).putNull("not_before").put("not_after", "2016-01-08T18:00:00Z")
                .put("drafted_by", "anna").put("approved_by", "bernd").put("created_at", "2016-01-08T08:00:00Z")
                .putNull("revoked_at").putNull("consumed_by").putNull("consumed_at").put("max_uses", 1).put("uses", 0)
                .put("late", false));
        assertThat(api.store.approval(body.getString("id"))).isPresent();
        assertThat(api.kicks).hasValue(0);
    }

    @Test
    void refusesAnApproverApprovingTheirOwnDraftUnderTheFourEyesRule() {
        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "dora", request("sms-twitter", TWEET, "dora"));

        assertProblem(r, 403, "Forbidden", "four-eyes: dora cannot approve a text drafted by dora");
        assertThat(api.store.approvals(null)).isEmpty();
    }

    @Test
    void refusesACallerWithoutTheApproverRole() {
        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "anna", request("sms-twitter", TWEET, "dora"));

        assertProblem(r, 403, "Forbidden", "user anna lacks the approver role for office sms-presse");
    }

    @Test
    void refusesAnApproverOfAnotherOffice() {
        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "carl", request("sms-twitter", TWEET, "anna"));

        assertProblem(r, 403, "Forbidden", "user carl lacks the approver role for office sms-presse");
    }

    @Test
    void anApprovalMayAllowRepeatsUpToAHundredUses() {
        HttpResponse<Buffer> ok = api.post("/api/v1/approvals", "bernd", new JsonObject().put("channel", "sms-twitter")
                .put("text", TWEET).put("drafted_by", "anna").put("max_uses", 3).encode());
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.bodyAsJsonObject().getInteger("max_uses")).isEqualTo(3);
        assertThat(api.store.approval(ok.bodyAsJsonObject().getString("id")).orElseThrow().maxUses()).isEqualTo(3);
        HttpResponse<Buffer> bad = api.post("/api/v1/approvals", "bernd", new JsonObject().put("channel", "sms-twitter")
                .put("text", TWEET).put("drafted_by", "anna").put("max_uses", 0).encode());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsJsonObject().getString("detail")).isEqualTo("field 'max_uses': must be a whole number from 1 to 100");
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"channel":"sms-twitter","text":"Hallo","drafted_by":"anna","not_after":"morgen"}     | not_after  | field 'not_after': not an ISO-8601 instant
            {"channel":"sms-twitter","text":"Hallo","drafted_by":"anna","not_before":"2016-01-08"} | not_before | field 'not_before': not an ISO-8601 instant
            {"channel":"sms-twitter","text":"Hallo","drafted_by":"anna","not_after":"2016-01-08T07:00:00Z"} | not_after | field 'not_after': must be after not_before (2016-01-08T08:00:00Z)
            {"channel":"sms-facebook","text":"Hallo","drafted_by":"anna"}                        | channel    | field 'channel': unknown channel 'sms-facebook'
            {"text":"Hallo","drafted_by":"anna"}                                                 | channel    | field 'channel': is required
            {"channel":"sms-twitter","text":"   ","drafted_by":"anna"}                           | text       | field 'text': must not be blank
            {"channel":"sms-twitter","text":42,"drafted_by":"anna"}                              | text       | field 'text': must be a string
            {"channel":"sms-twitter","text":"Hallo"}                                             | drafted_by | field 'drafted_by': is required
            {"channel":"sms-twitter","text":"Hallo","drafted_by":"zoe"}                          | drafted_by | field 'drafted_by': unknown user 'zoe'
            {"channel":"sms-twitter","text":"Hallo","drafted_by":"vera"}                         | drafted_by | field 'drafted_by': user vera lacks the drafter role for office sms-presse
            {"channel":"sms-twitter","text":"Hallo","drafted_by":"anna","approved_by":"anna"}    | approved_by | field 'approved_by': unknown field (allowed: channel, drafted_by, max_uses, not_after, not_before, text)
            """)
    void answers400NamingTheBadField(String body, String field, String detail) {
        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "bernd", body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("type", "about:blank")
                .put("title", "Bad Request").put("status", 400).put("detail", detail).put("field", field));
    }

    @Test
    void refusesATextLongerThanTenThousandCharacters() {
        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "bernd", request("sms-twitter", "x".repeat(10_001), "anna"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("detail")).isEqualTo("field 'text': longer than 10000 characters");
    }

    @Test
    void answers400ForABodyThatIsNotJson() {
        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "bernd", "{channel: sms-twitter");

        assertProblem(r, 400, "Bad Request", "request body is not valid JSON");
    }

    @Test
    void listsTheCreatedApprovalToEveryMemberOfTheOfficeButNotToOthers() {
        String id = api.post("/api/v1/approvals", "bernd", request("sms-twitter", TWEET, "anna"))
                .bodyAsJsonObject().getString("id");

        JsonArray seenByViewer = api.get("/api/v1/approvals?channel=sms-twitter", "vera").bodyAsJsonArray();
        assertThat(seenByViewer).hasSize(1);
        assertThat(seenByViewer.getJsonObject(0).getString("id")).isEqualTo(id);
        assertThat(seenByViewer.getJsonObject(0).getString("approved_by")).isEqualTo("bernd");
        assertThat(api.get("/api/v1/approvals", "carl").bodyAsJsonArray()).isEmpty();
        assertThat(api.get("/api/v1/approvals", "root").bodyAsJsonArray()).hasSize(1);
        assertProblem(api.get("/api/v1/approvals?channel=sms-twitter", "carl"), 403, "Forbidden",
                "user carl has no access to office sms-presse");
    }

    @Test
    void revokesAnOpenApprovalOnceAndThenAnswers409() {
        String id = api.post("/api/v1/approvals", "bernd", request("sms-twitter", TWEET, "anna"))
                .bodyAsJsonObject().getString("id");

        HttpResponse<Buffer> first = api.post("/api/v1/approvals/" + id + "/revoke", "bernd", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.bodyAsJsonObject().getString("revoked_at")).isEqualTo("2016-01-08T08:00:00Z");

        assertProblem(api.post("/api/v1/approvals/" + id + "/revoke", "bernd", null), 409, "Conflict",
                "approval " + id + " is already revoked (at 2016-01-08T08:00:00Z)");
    }

    @Test
    void refusesToRevokeForADrafterAndAnswers404ForAnUnknownApproval() {
        String id = api.post("/api/v1/approvals", "bernd", request("sms-twitter", TWEET, "anna"))
                .bodyAsJsonObject().getString("id");

        assertProblem(api.post("/api/v1/approvals/" + id + "/revoke", "anna", null), 403, "Forbidden",
                "user anna lacks the approver role for office sms-presse");
        assertProblem(api.post("/api/v1/approvals/ap-000000000000/revoke", "bernd", null), 404, "Not Found",
                "approval ap-000000000000 not found");
    }

    @Test
    void lateApprovalResolvesTheOpenUnapprovedAlertAsApprovedLateAndConsumesTheApproval() {
        Post tweet = ApiFixture.tweet("687385", "  " + TWEET.replace(" ", "\n"), Instant.parse("2016-01-08T05:30:00Z"));
        Alert alert = ApiFixture.openAlert(tweet, "sms-presse", ReasonCode.UNAPPROVED);
        api.putAlert(alert);

        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "bernd", request("sms-twitter", TWEET, "anna"));

        assertThat(r.statusCode()).isEqualTo(201);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getBoolean("late")).isTrue();
        assertThat(body.getString("resolved_alert")).isEqualTo(alert.id());
        assertThat(body.getString("consumed_by")).isEqualTo("sms-twitter/687385");
        assertThat(body.getString("consumed_at")).isEqualTo("2016-01-08T08:00:00Z");
        Alert resolved = api.store.alert(alert.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.resolution()).isEqualTo(Resolution.APPROVED_LATE);
        assertThat(api.outbox()).singleElement()
                .satisfies(d -> assertThat(d.sinkKey()).isEqualTo(ApiFixture.SMS_SINK));
        assertThat(api.kicks).hasValue(1);
    }

    @Test
    void approvalWhoseExplicitWindowStartsAfterThePostLeavesTheAlertOpen() {
        Post tweet = ApiFixture.tweet("687385", TWEET, Instant.parse("2016-01-08T05:30:00Z"));
        api.putAlert(ApiFixture.openAlert(tweet, "sms-presse", ReasonCode.UNAPPROVED));

        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "bernd", new JsonObject().put("channel", "sms-twitter")
                .put("text", TWEET).put("not_before", "2016-01-08T09:00:00Z").put("drafted_by", "anna").encode());

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.bodyAsJsonObject().getBoolean("late")).isFalse();
        assertThat(api.store.alerts(AlertStatus.OPEN, null)).hasSize(1);
        assertThat(api.kicks).hasValue(0);
    }

    @Test
    void lateApprovalIgnoresAlertsWithoutTheUnapprovedReason() {
        Post tweet = ApiFixture.tweet("687385", TWEET, Instant.parse("2016-01-08T05:30:00Z"));
        api.putAlert(ApiFixture.openAlert(tweet, "sms-presse", ReasonCode.OUTSIDE_HOURS));

        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "bernd", request("sms-twitter", TWEET, "anna"));

        assertThat(r.bodyAsJsonObject().getBoolean("late")).isFalse();
        assertThat(api.store.alerts(AlertStatus.OPEN, null)).hasSize(1);
    }
}
