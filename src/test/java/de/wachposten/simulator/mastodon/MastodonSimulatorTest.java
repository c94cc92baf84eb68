package de.wachposten.simulator.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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

/** The simulator's Mastodon wire format, read with a plain HTTP client. */
class MastodonSimulatorTest {
    private static final Instant T0 = Instant.parse("2026-01-08T05:30:00Z");
    private Vertx vertx;
    private WebClient client;
    private PlatformSimulator sim;
    private MastodonSimulator mastodon;
    private SimAccount presse;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        sim = new PlatformSimulator(vertx, Clock.fixed(T0, ZoneOffset.UTC));
        await(sim.start());
        mastodon = sim.mastodon();
        presse = mastodon.account("presse", "Pressestelle");
        for (int i = 1; i <= 10; i++) {
            ids.add(mastodon.publish(presse, "Beitrag " + i, T0.plusSeconds(i), "Web"));
        }
    }

    @AfterEach
    void stop() throws Exception {
        await(sim.stop());
        await(vertx.close());
    }

    private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> get(String path) throws Exception {
        return await(client.getAbs(sim.baseUrl() + path).send());
    }

    private List<String> statusIds(String query) throws Exception {
        JsonArray page = get("/api/v1/accounts/" + presse.id() + "/statuses?" + query).bodyAsJsonArray();
        return page.stream().map(o -> ((JsonObject) o).getString("id")).toList();
    }

    private List<String> newestFirst(int from, int to) {
        List<String> slice = new ArrayList<>(ids.subList(from, to));
        java.util.Collections.reverse(slice);
        return slice;
    }

    @Test
    void idsAreNumericAndIncreaseInPublicationOrder() {
        assertThat(ids).allMatch(id -> id.matches("\\d{15,19}")).isSortedAccordingTo(
                (a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    }

    @Test
    void minIdReturnsTheStatusesRightAfterItNewestFirst() throws Exception {
        assertThat(statusIds("limit=3&min_id=" + ids.get(1))).containsExactlyElementsOf(newestFirst(2, 5));
    }

    @Test
    void sinceIdReturnsTheNewestStatusesAboveIt() throws Exception {
        assertThat(statusIds("limit=3&since_id=" + ids.get(1))).containsExactlyElementsOf(newestFirst(7, 10));
    }

    @Test
    void minIdWinsOverSinceId() throws Exception {
        assertThat(statusIds("limit=2&since_id=" + ids.get(5) + "&min_id=" + ids.get(0)))
                .containsExactlyElementsOf(newestFirst(1, 3));
    }

    @Test
    void maxIdReturnsTheNewestStatusesBelowIt() throws Exception {
        assertThat(statusIds("limit=3&max_id=" + ids.get(5))).containsExactlyElementsOf(newestFirst(2, 5));
    }

    @Test
    void limitDefaultsToTwentyAndIsCappedAtForty() throws Exception {
        for (int i = 11; i <= 60; i++) {
            mastodon.publish(presse, "mehr " + i, T0.plusSeconds(i), null);
        }
        assertThat(statusIds("")).hasSize(20);
        assertThat(statusIds("limit=500")).hasSize(40);
    }

    @Test
    void linkHeaderPointsToOlderWithMaxIdAndNewerWithMinId() throws Exception {
        HttpResponse<Buffer> full = get("/api/v1/accounts/" + presse.id() + "/statuses?limit=3");
        HttpResponse<Buffer> shortPage = get("/api/v1/accounts/" + presse.id() + "/statuses?limit=40");
        String base = sim.baseUrl() + "/api/v1/accounts/" + presse.id() + "/statuses";

        assertThat(full.getHeader("Link")).isEqualTo("<" + base + "?limit=3&max_id=" + ids.get(7) + ">; rel=\"next\", <"
                + base + "?limit=3&min_id=" + ids.get(9) + ">; rel=\"prev\"");
        assertThat(shortPage.getHeader("Link")).isEqualTo("<" + base + "?limit=40&min_id=" + ids.get(9) + ">; rel=\"prev\"");
    }

    @Test
    void everyResponseCarriesRateLimitHeadersWithAMicrosecondReset() throws Exception {
        HttpResponse<Buffer> r = get("/api/v1/accounts/lookup?acct=presse");

        assertThat(r.getHeader("X-RateLimit-Limit")).isEqualTo("300");
        assertThat(r.getHeader("X-RateLimit-Remaining")).isEqualTo("299");
        assertThat(r.getHeader("X-RateLimit-Reset")).isEqualTo("2026-01-08T05:35:00.000000Z");
    }

    @Test
    void statusJsonHasMastodonsFieldsAndRendersLinksLikeMastodon() throws Exception {
        String id = mastodon.publish(presse, "Infos: https://www.example.de/foerderung #Sachsen", T0, "Web");

        JsonObject s = get("/api/v1/statuses/" + id).bodyAsJsonObject();

        assertThat(s.getString("created_at")).isEqualTo("2026-01-08T05:30:00.000Z");
        assertThat(s.getValue("edited_at")).isNull();
        assertThat(s.getString("content")).isEqualTo("<p>Infos: <a href=\"https://www.example.de/foerderung\" "
                + "target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\"><span class=\"invisible\">https://www."
                + "</span><span class=\"\">example.de/foerderung</span><span class=\"invisible\"></span></a> <a href=\""
                + sim.baseUrl() + "/tags/Sachsen\" class=\"mention hashtag\" rel=\"tag\">#<span>Sachsen</span></a></p>");
        assertThat(s.getJsonObject("application").getString("name")).isEqualTo("Web");
        assertThat(s.getJsonObject("account").getString("acct")).isEqualTo("presse");
        assertThat(s.getJsonArray("tags").getJsonObject(0).getString("name")).isEqualTo("sachsen");
        assertThat(s.fieldNames()).contains("uri", "url", "visibility", "language", "spoiler_text", "reblog",
                "media_attachments", "mentions", "emojis", "card", "poll");
    }

    @Test
    void deletedStatusIsGoneFromTheTimelineAndAnswers404() throws Exception {
        mastodon.delete(ids.get(9));

        HttpResponse<Buffer> r = get("/api/v1/statuses/" + ids.get(9));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("Record not found");
        assertThat(statusIds("limit=1")).containsExactly(ids.get(8));
        assertThat(get("/api/v1/statuses/999").statusCode()).isEqualTo(404);
    }

    @Test
    void editSetsEditedAtAndExtendsTheHistory() throws Exception {
        mastodon.edit(ids.get(0), "Beitrag 1 korrigiert", T0.plusSeconds(600));

        JsonObject s = get("/api/v1/statuses/" + ids.get(0)).bodyAsJsonObject();
        JsonArray history = get("/api/v1/statuses/" + ids.get(0) + "/history").bodyAsJsonArray();

        assertThat(s.getString("edited_at")).isEqualTo("2026-01-08T05:40:00.000Z");
        assertThat(s.getString("content")).isEqualTo("<p>Beitrag 1 korrigiert</p>");
        assertThat(history).extracting(o -> ((JsonObject) o).getString("content"))
                .containsExactly("<p>Beitrag 1</p>", "<p>Beitrag 1 korrigiert</p>");
    }

    @Test
    void lookupFindsLocalAccountsWithOrWithoutTheDomainAndNotRemoteOnes() throws Exception {
        assertThat(get("/api/v1/accounts/lookup?acct=presse").bodyAsJsonObject().getString("id")).isEqualTo(presse.id());
        assertThat(get("/api/v1/accounts/lookup?acct=presse@127.0.0.1").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/accounts/lookup?acct=presse@other.example").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/accounts/" + presse.id()).bodyAsJsonObject().getString("display_name"))
                .isEqualTo("Pressestelle");
    }

    @Test
    void faultsHitOnlyTheirAccountAndOnlyAsOftenAsInjected() throws Exception {
        mastodon.account("polizei", "Polizei");
        sim.faults().inject("presse", Fault.HTTP_503, 2);

        int other = get("/api/v1/accounts/lookup?acct=polizei").statusCode();
        int first = get("/api/v1/accounts/lookup?acct=presse").statusCode();
        int second = get("/api/v1/accounts/" + presse.id()).statusCode();
        int third = get("/api/v1/accounts/lookup?acct=presse").statusCode();

        assertThat(List.of(other, first, second, third)).containsExactly(200, 503, 503, 200);
        assertThat(sim.faults().requestCount(MastodonSimulator.ROUTE_LOOKUP, "presse")).isEqualTo(2);
    }

    @Test
    void rateLimitFaultSendsMastodonsThrottleResponse() throws Exception {
        sim.faults().inject(null, Fault.rateLimited(java.time.Duration.ofSeconds(90), true), 1);

        HttpResponse<Buffer> r = get("/api/v1/accounts/lookup?acct=presse");

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("Too many requests");
        assertThat(r.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(r.getHeader("X-RateLimit-Reset")).isEqualTo("2026-01-08T05:31:30.000000Z");
        assertThat(r.getHeader("Retry-After")).isEqualTo("90");
    }

    @Test
    void hugeFaultStreamsAtLeastTheRequestedBytes() throws Exception {
        sim.faults().inject("presse", Fault.huge(3_000_000), 1);

        HttpResponse<Buffer> r = get("/api/v1/accounts/" + presse.id() + "/statuses");

        assertThat(r.body().length()).isGreaterThanOrEqualTo(3_000_000);
        assertThat(r.bodyAsJsonArray()).isNotEmpty();
    }

    @Test
    void truncatedFaultCutsTheNormalBody() throws Exception {
        sim.faults().inject("presse", Fault.TRUNCATED_JSON, 1);

        String body = get("/api/v1/accounts/" + presse.id() + "/statuses").bodyAsString();

        assertThat(body).startsWith("[{\"id\":\"" + ids.get(9) + "\"").doesNotEndWith("]");
    }
}
