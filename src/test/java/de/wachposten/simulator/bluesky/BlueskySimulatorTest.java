package de.wachposten.simulator.bluesky;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AppView wire format of the simulator, read over HTTP. */
class BlueskySimulatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T05:30:00Z"), ZoneOffset.UTC);
    private Vertx vertx;
    private PlatformSimulator sim;
    private WebClient client;
    private SimActor presse;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        sim = new PlatformSimulator(vertx, CLOCK);
        sim.start().await(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
        presse = sim.bluesky().actor("presse.sachsen.de", "Pressestelle");
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String path) throws Exception {
        return client.getAbs(sim.baseUrl() + path).send().await(10, TimeUnit.SECONDS);
    }

    @Test
    void theFeedIsNewestFirstAndItsCursorWalksBackwards() throws Exception {
        for (int i = 1; i <= 3; i++) {
            sim.bluesky().publish(presse, "Beitrag " + i, CLOCK.instant().minusSeconds(600 - i));
        }

        JsonObject first = get("/xrpc/app.bsky.feed.getAuthorFeed?actor=presse.sachsen.de&limit=2").bodyAsJsonObject();
        JsonObject second = get("/xrpc/app.bsky.feed.getAuthorFeed?actor=" + presse.did() + "&limit=2&cursor="
                + first.getString("cursor")).bodyAsJsonObject();

        assertThat(first.getJsonArray("feed").stream().map(i -> ((JsonObject) i).getJsonObject("post")
                .getJsonObject("record").getString("text"))).containsExactly("Beitrag 3", "Beitrag 2");
        assertThat(second.getJsonArray("feed")).hasSize(1);
        assertThat(second.containsKey("cursor")).isFalse();
    }

    @Test
    void getPostsLeavesDeletedPostsOut() throws Exception {
        String kept = sim.bluesky().publish(presse, "bleibt", CLOCK.instant());
        String gone = sim.bluesky().publish(presse, "weg", CLOCK.instant());
        sim.bluesky().delete(gone);

        JsonObject body = get("/xrpc/app.bsky.feed.getPosts?uris=" + kept + "&uris=" + gone).bodyAsJsonObject();

        assertThat(body.getJsonArray("posts")).hasSize(1);
        assertThat(body.getJsonArray("posts").getJsonObject(0).getString("uri")).isEqualTo(kept);
    }

    @Test
    void anUnknownActorIsAnXrpcInvalidRequestAndAnswersCarryRateLimitHeaders() throws Exception {
        HttpResponse<Buffer> unknown = get("/xrpc/app.bsky.actor.getProfile?actor=niemand.bsky.social");
        HttpResponse<Buffer> known = get("/xrpc/app.bsky.actor.getProfile?actor=presse.sachsen.de");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "InvalidRequest")
                .put("message", "Profile not found"));
        assertThat(known.bodyAsJsonObject().getString("did")).isEqualTo(presse.did());
        assertThat(known.getHeader("RateLimit-Policy")).isEqualTo("3000;w=300");
        assertThat(known.getHeader("RateLimit-Reset")).isEqualTo(Long.toString(CLOCK.instant().plusSeconds(300)
                .getEpochSecond()));
    }

    @Test
    void getAuthorFeedAndGetProfileMatchTheReferenceLexicons() throws Exception {
        sim.bluesky().setProfile(presse, "Pressestelle Sachsen", "Amtliche Meldungen", "https://cdn.example/a.jpg",
                null);
        sim.bluesky().publish(presse, "Meldung 1 https://www.sachsen.de", CLOCK.instant().minusSeconds(60));
        String second = sim.bluesky().publish(presse, "Meldung 2", CLOCK.instant().minusSeconds(30));
        sim.bluesky().repost(presse, second, CLOCK.instant().minusSeconds(10));

        List<String> errors = new ArrayList<>();
        Lexicons lex = new Lexicons();
        JsonObject feed = get("/xrpc/app.bsky.feed.getAuthorFeed?actor=presse.sachsen.de&limit=50").bodyAsJsonObject();
        lex.check("app.bsky.feed.getAuthorFeed#output", feed, "getAuthorFeed", errors);
        for (Object item : feed.getJsonArray("feed")) {
            JsonObject record = ((JsonObject) item).getJsonObject("post").getJsonObject("record");
            lex.check("app.bsky.feed.post#main", record, "record", errors);
        }
        lex.check("app.bsky.actor.getProfile#output", get("/xrpc/app.bsky.actor.getProfile?actor=presse.sachsen.de")
                .bodyAsJsonObject(), "getProfile", errors);

        assertThat(feed.getJsonArray("feed")).hasSize(3);
        assertThat(errors).isEmpty();
    }
}
