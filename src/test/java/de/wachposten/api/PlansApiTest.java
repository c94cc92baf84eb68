package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlansApiTest {
    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    private HttpResponse<Buffer> upload(String user, String type, String body) {
        return ApiFixture.await(api.client.request(HttpMethod.POST, "/api/v1/plans")
                .putHeader("Authorization", "Bearer " + user + "-token").putHeader("Content-Type", type)
                .sendBuffer(Buffer.buffer(body)));
    }

    @Test
    void importsACsvPlanAsApprovalsOfTheCaller() {
        HttpResponse<Buffer> r = upload("bernd", "text/csv; charset=utf-8",
                "channel,not_before,not_after,drafted_by,text\r\nsms-twitter,,2016-01-08T18:00:00Z,anna,Erster Text\r\n"
                        + "sms-twitter,,,anna,\"Zweiter, Text\"\r\n");

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        assertThat(r.bodyAsJsonObject().getInteger("imported")).isEqualTo(2);
        assertThat(api.store.openApprovals("sms-twitter")).extracting(a -> a.approvedBy()).containsOnly("bernd");
    }

    @Test
    void oneBadRowImportsNothingAndNamesTheLine() {
        HttpResponse<Buffer> r = upload("dora", "text/csv",
                "channel,drafted_by,text\nsms-twitter,anna,gut\nsms-twitter,dora,selbst\n");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("detail"))
                .isEqualTo("plan.csv:3: four-eyes: dora cannot approve a text drafted by dora");
        assertThat(api.store.approvals(null)).isEmpty();
    }

    @Test
    void anApproverOfAnotherOfficeCannotImportForThisOne() {
        HttpResponse<Buffer> r = upload("carl", "text/calendar", String.join("\r\n", "BEGIN:VCALENDAR",
                "BEGIN:VEVENT", "SUMMARY:Hallo", "X-WACHPOSTEN-CHANNEL:sms-twitter", "X-WACHPOSTEN-DRAFTED-BY:anna",
                "END:VEVENT", "END:VCALENDAR"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("detail"))
                .isEqualTo("plan.ics:2: approved_by: user carl lacks the approver role for office sms-presse");
    }

    @Test
    void anotherContentTypeIs400NamingIt() {
        HttpResponse<Buffer> r = upload("bernd", "application/json", "{}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("detail")).contains("Content-Type");
    }
}
