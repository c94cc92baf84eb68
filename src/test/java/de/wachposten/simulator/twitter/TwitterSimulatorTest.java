package de.wachposten.simulator.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.simulator.PlatformSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The X API v2 wire format of the simulator, read over HTTP. */
class TwitterSimulatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T05:30:00Z"), ZoneOffset.UTC);
    private Vertx vertx;
    private PlatformSimulator sim;
    private WebClient client;
    private SimUser sms;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        sim = new PlatformSimulator(vertx, CLOCK);
        sim.start().await(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
        sms = sim.twitter().user("SMS_Sachsen", "SMS");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String path, boolean bearer) throws Exception {
        var request = client.getAbs(sim.baseUrl() + path);
        if (bearer) {
            request.putHeader("Authorization", "Bearer t");
        }
        return request.send().await(10, TimeUnit.SECONDS);
    }

    @Test
    void withoutABearerTokenEveryRouteAnswers401AsProblemDetails() throws Exception {
        HttpResponse<Buffer> r = get("/2/users/" + sms.id() + "/tweets", false);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.bodyAsJsonObject().getString("title")).isEqualTo("Unauthorized");
    }

    @Test
    void anEmptyTimelineIsOnlyAResultCountOfZero() throws Exception {
        HttpResponse<Buffer> r = get("/2/users/" + sms.id() + "/tweets", true);

        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("meta", new JsonObject().put("result_count", 0)));
        assertThat(r.getHeader("x-rate-limit-limit")).isEqualTo("10000");
        assertThat(r.getHeader("x-rate-limit-reset")).isEqualTo(Long.toString(CLOCK.instant().plusSeconds(900)
                .getEpochSecond()));
    }

    @Test
    void theTimelineIsNewestFirstWithMetaAndAnEditShowsOnlyItsLatestVersion() throws Exception {
        String first = sim.twitter().publish(sms, "eins & zwei https://example.de/a", CLOCK.instant());
        String second = sim.twitter().publish(sms, "drei", CLOCK.instant());
        String edit = sim.twitter().edit(first, "eins (korrigiert)", CLOCK.instant());

        JsonObject body = get("/2/users/" + sms.id() + "/tweets?max_results=5", true).bodyAsJsonObject();

        assertThat(body.getJsonArray("data").stream().map(t -> ((JsonObject) t).getString("id")))
                .containsExactly(edit, second);
        assertThat(body.getJsonArray("data").getJsonObject(0).getJsonArray("edit_history_tweet_ids"))
                .containsExactly(first, edit);
        assertThat(body.getJsonObject("meta")).isEqualTo(new JsonObject().put("result_count", 2)
                .put("newest_id", edit).put("oldest_id", second));
    }

    @Test
    void theBulkLookupListsDeletedIdsAsPartialErrors() throws Exception {
        String kept = sim.twitter().publish(sms, "bleibt", CLOCK.instant());
        String gone = sim.twitter().publish(sms, "weg", CLOCK.instant());
        sim.twitter().delete(gone);

        JsonObject body = get("/2/tweets?ids=" + kept + "," + gone, true).bodyAsJsonObject();

        assertThat(body.getJsonArray("data")).hasSize(1);
        assertThat(body.getJsonArray("errors").getJsonObject(0).getString("resource_id")).isEqualTo(gone);
        assertThat(body.getJsonArray("errors").getJsonObject(0).getString("type"))
                .isEqualTo("https://api.x.com/2/problems/resource-not-found");
    }

    @Test
    void maxResultsOutsideFiveToOneHundredIsAnInvalidRequest() throws Exception {
        HttpResponse<Buffer> r = get("/2/users/" + sms.id() + "/tweets?max_results=1", true);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("type")).isEqualTo("https://api.x.com/2/problems/invalid-request");
    }
}
