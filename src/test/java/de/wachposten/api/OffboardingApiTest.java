package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.store.StoredPost;
import de.wachposten.testkit.TestAlerts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OffboardingApiTest {
    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    private HttpResponse<Buffer> offboard(String caller, String user) {
        return api.post("/api/v1/offboarding", caller, new JsonObject().put("user", user)
                .put("left_at", "2016-01-07T17:00:00Z").encode());
    }

    @Test
    void offboardingOpensATaskForEveryChannelThePersonCouldPostToAndTheChannelListShowsIt() {
        HttpResponse<Buffer> r = offboard("root", "anna");

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        JsonArray tasks = r.bodyAsJsonObject().getJsonArray("tasks");
        assertThat(tasks).hasSize(2);
        assertThat(tasks.getJsonObject(0).getString("channel")).isEqualTo("sms-twitter");
        assertThat(tasks.getJsonObject(0).getString("closed_at")).isNull();
        JsonObject channel = api.get("/api/v1/channels", "vera").bodyAsJsonArray().getJsonObject(0);
        assertThat(channel.getJsonArray("rotation_tasks")).hasSize(1);
        assertThat(channel.getString("credentials_rotated_at")).isNull();
    }

    @Test
    void aConfirmedRotationClosesTheTasksAndIsShownAsLastRotation() {
        offboard("root", "anna");

        HttpResponse<Buffer> r = api.post("/api/v1/channels/sms-twitter/credentials-rotated", "bernd", null);

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getLong("closed_tasks")).isEqualTo(1L);
        JsonObject channel = api.get("/api/v1/channels", "vera").bodyAsJsonArray().getJsonObject(0);
        assertThat(channel.getString("credentials_rotated_at")).isEqualTo("2016-01-08T08:00:00Z");
        assertThat(channel.getJsonArray("rotation_tasks")).isEmpty();
        assertThat(api.store.rotationTasks("smk-twitter")).singleElement().satisfies(t -> assertThat(t.open()).isTrue());
    }

    @Test
    void aConfirmedRotationResolvesTheOverdueAlertOfItsTaskWithoutResolutionAndLeavesOtherAlertsOpen() {
        offboard("root", "anna");
        long task = api.store.rotationTasks("sms-twitter").getFirst().id();
        Alert overdue = TestAlerts.alert("credentials:" + task);
        api.store.addEntry(StoredPost.Kind.CREDENTIALS, overdue.post(), false, overdue.createdAt());
        Alert post = TestAlerts.alert("99");
        api.putAlert(overdue);
        api.putAlert(post);
        int kicks = api.kicks.get();

        HttpResponse<Buffer> r = api.post("/api/v1/channels/sms-twitter/credentials-rotated", "bernd", null);

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getJsonArray("resolved_alerts")).containsExactly(overdue.id());
        assertThat(api.store.alert(overdue.id())).hasValueSatisfying(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(a.resolution()).isNull();
            assertThat(a.revision()).isEqualTo(2);
        });
        assertThat(api.store.alert(post.id())).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(AlertStatus.OPEN));
        assertThat(api.kicks.get()).isGreaterThan(kicks);
    }

    @Test
    void onlyAnAdminOffboardsAndOnlyAnAdminOrApproverOfTheOfficeConfirmsARotation() {
        HttpResponse<Buffer> r = offboard("bernd", "anna");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.bodyAsJsonObject().getString("detail"))
                .isEqualTo("user bernd lacks the admin role (off-boarding is for admins)");

        HttpResponse<Buffer> other = api.post("/api/v1/channels/sms-twitter/credentials-rotated", "carl", null);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.bodyAsJsonObject().getString("detail"))
                .isEqualTo("user carl lacks the approver role for office sms-presse");
        assertThat(api.post("/api/v1/channels/sms-twitter/credentials-rotated", "root", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnknownChannelIs404AndAMissingLeftAt400() {
        assertThat(api.post("/api/v1/channels/nope/credentials-rotated", "root", null).statusCode()).isEqualTo(404);
        HttpResponse<Buffer> r = api.post("/api/v1/offboarding", "root", new JsonObject().put("user", "anna").encode());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("detail")).contains("left_at");
    }
}
