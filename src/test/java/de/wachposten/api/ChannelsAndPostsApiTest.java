package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Post;
import de.wachposten.store.ChannelState;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import de.wachposten.testkit.TestAlerts;
import org.junit.jupiter.api.Test;

class ChannelsAndPostsApiTest {
    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void listsTheCallersChannelsWithPollStateHealthAndAccessButNoCredentials() {
        api.putChannelState(new ChannelState("sms-twitter", "cursor-1", Instant.parse("2016-01-08T07:59:00Z"),
                Instant.parse("2016-01-08T07:58:00Z"), "HTTP 429, retry in 37 s", 12));
        api.health.put("sms-twitter", Map.of("state", "backoff", "next_poll_at", Instant.parse("2016-01-08T08:00:37Z")));

        HttpResponse<Buffer> r = api.get("/api/v1/channels", "vera");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonArray()).isEqualTo(new JsonArray().add(new JsonObject()
                .put("id", "sms-twitter").put("name", "sms-twitter").put("platform", "twitter")
                .put("account", "SMS_Sachsen").put("office", "sms-presse").put("policy", "four-eyes")
                .put("approval_required", true).put("status", "active").put("client_check", "off")
                .put("poll_interval", 60).put("last_poll_at", "2016-01-08T07:59:00Z").put("last_success_at", "2016-01-08T07:58:00Z")
                .put("last_error", "HTTP 429, retry in 37 s").put("posts_seen", 12)
                .put("health", new JsonObject().put("state", "backoff").put("next_poll_at", "2016-01-08T08:00:37Z"))
                .put("access", new JsonArray(List.of("anna", "bernd")))
                .put("agencies", new JsonArray(List.of("Agentur Beispiel")))
                .putNull("credentials_rotated_at").put("rotation_tasks", new JsonArray())));
        assertThat(r.bodyAsString()).doesNotContain("do-not-show").doesNotContain("bearer_token");
    }

    @Test
    void showsAnAdminEveryChannelWithAnEmptyStateBeforeTheFirstPoll() {
        JsonArray all = api.get("/api/v1/channels", "root").bodyAsJsonArray();

        assertThat(all).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("sms-twitter", "smk-twitter");
        JsonObject smk = all.getJsonObject(1);
        assertThat(smk.getLong("posts_seen")).isZero();
        assertThat(smk.getValue("last_poll_at")).isNull();
        assertThat(smk.getValue("health")).isNull();
    }

    @Test
    void searchesPostsByTextAndReturnsTheLatestVersionWithItsFields() {
        Post first = ApiFixture.tweet("100", "Pressekonferenz um 10 Uhr", Instant.parse("2016-01-08T05:30:00Z"));
        api.putPost(first, null);
        Post edited = new Post("sms-twitter", "twitter", "100", first.url(), "SMS_Sachsen",
                "Pressekonferenz um 11 Uhr", first.publishedAt(), Instant.parse("2016-01-08T05:40:00Z"),
                first.client(), "de", List.of(), Instant.parse("2016-01-08T05:41:00Z"), "{}");
        api.putPost(edited, null);
        api.putPost(ApiFixture.tweet("101", "Wetterwarnung", Instant.parse("2016-01-08T06:00:00Z")), null);

        HttpResponse<Buffer> r = api.get("/api/v1/posts?channel=sms-twitter&q=PRESSEKONFERENZ", "anna");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonArray()).isEqualTo(new JsonArray().add(new JsonObject()
                .put("channel", "sms-twitter").put("platform", "twitter").put("id", "100").put("kind", "post")
                .put("url", "https://x.com/SMS_Sachsen/status/100").put("author", "SMS_Sachsen")
                .put("text", "Pressekonferenz um 11 Uhr").put("published_at", "2016-01-08T05:30:00Z")
                .put("edited_at", "2016-01-08T05:40:00Z").put("client", "Twitter Web Client")
                .put("seen_at", "2016-01-08T05:41:00Z").putNull("deleted_at").put("version", 2)
                .put("reply", false).put("repost", false).put("quote", false).put("media", new JsonArray())));
    }

    @Test
    void limitsPostsToTheCallersOfficesAndHonoursTimeRangeAndLimit() {
        api.putPost(ApiFixture.tweet("1", "eins", Instant.parse("2016-01-08T05:00:00Z")), null);
        api.putPost(ApiFixture.tweet("2", "zwei", Instant.parse("2016-01-08T06:00:00Z")), null);
        api.putPost(ApiFixture.tweet("3", "drei", Instant.parse("2016-01-08T07:00:00Z")),
                Instant.parse("2016-01-08T07:30:00Z"));
        api.putPost(new Post("smk-twitter", "twitter", "9", null, "SMK_Sachsen", "fremd",
                Instant.parse("2016-01-08T06:30:00Z"), null, null, null, List.of(),
                Instant.parse("2016-01-08T06:31:00Z"), "{}"), null);

        JsonArray mine = api.get("/api/v1/posts?from=2016-01-08T05:30:00Z&limit=2", "anna").bodyAsJsonArray();
        JsonArray all = api.get("/api/v1/posts", "root").bodyAsJsonArray();

        assertThat(mine).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("3", "2");
        assertThat(mine.getJsonObject(0).getString("deleted_at")).isEqualTo("2016-01-08T07:30:00Z");
        assertThat(all).hasSize(4);
    }

    @Test
    void namesTheBadQueryParameter() {
        assertThat(api.get("/api/v1/posts?limit=501", "anna").bodyAsJsonObject().getString("detail"))
                .isEqualTo("field 'limit': must be an integer between 1 and 500");
        assertThat(api.get("/api/v1/posts?from=yesterday", "anna").bodyAsJsonObject().getString("detail"))
                .isEqualTo("field 'from': not an ISO-8601 instant");
        assertThat(api.get("/api/v1/posts?channel=smk-twitter", "anna").bodyAsJsonObject().getString("detail"))
                .isEqualTo("user anna has no access to office smk-presse");
    }

    @Test
    void filtersPostsByTheReasonOfTheirAlertWithinTheTimeSpan() {
        api.putPost(ApiFixture.tweet("100", "ohne Freigabe", TestAlerts.PUBLISHED), null);
        api.putPost(ApiFixture.tweet("101", "mit Freigabe", TestAlerts.PUBLISHED.plusSeconds(60)), null);
        api.putAlert(TestAlerts.alert("100"));

        JsonArray unapproved = api.get("/api/v1/posts?reason=unapproved", "anna").bodyAsJsonArray();
        JsonArray inSpan = api.get("/api/v1/posts?reason=outside_hours&from=2016-01-08T05:00:00Z&to=2016-01-08T06:00:00Z",
                "anna").bodyAsJsonArray();
        JsonArray before = api.get("/api/v1/posts?reason=unapproved&to=2016-01-08T05:00:00Z", "anna").bodyAsJsonArray();
        JsonArray deleted = api.get("/api/v1/posts?reason=deleted", "anna").bodyAsJsonArray();
        JsonArray textAndReason = api.get("/api/v1/posts?reason=unapproved&q=mit", "anna").bodyAsJsonArray();

        assertThat(unapproved).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("100");
        assertThat(inSpan).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("100");
        assertThat(before).isEmpty();
        assertThat(deleted).isEmpty();
        assertThat(textAndReason).isEmpty();
        assertThat(api.get("/api/v1/posts?reason=bogus", "anna").bodyAsJsonObject().getString("detail"))
                .isEqualTo("field 'reason': unknown reason code 'bogus'");
    }
}
