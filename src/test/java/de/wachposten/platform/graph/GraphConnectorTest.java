package de.wachposten.platform.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Post;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.Profile;
import de.wachposten.platform.feed.FeedItem;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.meta.MetaSimulator;
import de.wachposten.testkit.SimulatorFixture;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared Graph polling skeleton, through a minimal platform against the simulated Graph API. */
class GraphConnectorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T05:30:00Z"), ZoneOffset.UTC);
    private static final String USER = "17841400000000000";
    private static final String TOKEN = "graph-token-5d1e";

    private SimulatorFixture fixture;
    private PlatformSimulator sim;

    /** A platform that maps the media edge plainly and names each post's list entry as its client. */
    static final class PlainListing extends GraphConnector {
        PlainListing(ChannelConfig channel, ConnectorEnv env) {
            super(new Listing("plain", "media", "id,caption,timestamp", "timestamp"), channel, env,
                    HttpOptions.defaults(), new GraphBudget());
        }

        @Override
        protected FeedItem toItem(JsonNode entry, String id, Instant published) {
            String caption = entry.path("caption").asText("");
            return new FeedItem(id, null, null, caption, List.of(), published, null, "{}", List.of());
        }

        @Override
        protected Future<Profile> profile(String account) {
            return Future.succeededFuture(null);
        }

        @Override
        protected String client(JsonNode entry) {
            return "entry " + entry.path("id").asText();
        }
    }

    @BeforeEach
    void start() throws Exception {
        fixture = SimulatorFixture.start(CLOCK);
        sim = fixture.sim();
        sim.meta().account(USER, "presse_example", true);
        sim.meta().requireToken(TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private SimulatorFixture.ChannelBuilder channel() {
        return SimulatorFixture.channel("sms-plain", "instagram", USER).baseUrl(fixture.baseUrl());
    }

    private PlainListing connector() {
        return new PlainListing(channel().credential("access_token", TOKEN, "PLAIN_TOKEN").build(), fixture.env());
    }

    private List<String> publish(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(sim.meta().publish(USER, "Meldung " + (ids.size() + 1), fixture.nextTime(), null));
        }
        return ids;
    }

    private static FetchResult poll(PlainListing c, FetchResult before) throws Exception {
        return c.fetch(before == null ? null : before.cursor(), List.of()).await(10, TimeUnit.SECONDS);
    }

    private int listRequests() {
        return sim.requestCount(MetaSimulator.ROUTE_EDGE, USER);
    }

    @Test
    void theFirstPollReadsOnePageAndLaterPollsFollowPagingUntilAKnownItem() throws Exception {
        PlainListing c = connector();
        publish(30);
        FetchResult first = poll(c, null);
        assertThat(first.posts()).hasSize(GraphConnector.PAGE_SIZE);
        assertThat(listRequests()).isEqualTo(1);

        List<String> later = publish(30);
        FetchResult second = poll(c, first);

        assertThat(second.posts()).extracting(Post::platformId).containsExactlyInAnyOrderElementsOf(later);
        assertThat(listRequests()).isEqualTo(3);
    }

    @Test
    void aPollReadsAtMostTenPages() throws Exception {
        PlainListing c = connector();
        publish(1);
        FetchResult first = poll(c, null);

        publish(GraphConnector.PAGE_SIZE * (GraphConnector.MAX_PAGES + 2));
        FetchResult second = poll(c, first);

        assertThat(second.posts()).hasSize(GraphConnector.PAGE_SIZE * GraphConnector.MAX_PAGES);
        assertThat(listRequests()).isEqualTo(1 + GraphConnector.MAX_PAGES);
    }

    @Test
    void atMostFiveDeletionCandidatesAreConfirmedPerPoll() throws Exception {
        PlainListing c = connector();
        List<String> ids = publish(10);
        FetchResult first = poll(c, null);
        List<String> deleted = ids.subList(3, 10);
        deleted.forEach(sim.meta()::delete);

        FetchResult second = poll(c, first);

        assertThat(second.deletedIds()).hasSize(GraphConnector.MAX_DELETE_CHECKS).isSubsetOf(deleted);
        assertThat(sim.requestCount(MetaSimulator.ROUTE_OBJECT, USER)).isEqualTo(GraphConnector.MAX_DELETE_CHECKS);
    }

    @Test
    void postsCarryTheChannelAndWhatThePlatformReadsFromTheirOwnListEntry() throws Exception {
        PlainListing c = connector();
        List<String> ids = publish(2);

        FetchResult first = poll(c, null);

        assertThat(first.posts()).extracting(Post::platformId).containsExactlyElementsOf(ids);
        assertThat(first.posts()).allSatisfy(p -> {
            assertThat(p.client()).isEqualTo("entry " + p.platformId());
            assertThat(p.channelId()).isEqualTo("sms-plain");
            assertThat(p.platform()).isEqualTo("plain");
            assertThat(p.author()).isEqualTo(USER);
            assertThat(p.editedAt()).isNull();
        });
    }

    @Test
    void anEntryWithoutPublicationTimeOrAListWithoutDataFailsAsMalformedNamingTheEdgeAndTheAccount() throws Exception {
        AtomicReference<String> body = new AtomicReference<>("{\"data\":[{\"id\":\"17\",\"caption\":\"x\"}]}");
        HttpServer server = fixture.vertx().createHttpServer().requestHandler(req -> req.response()
                .putHeader("Content-Type", "application/json").end(body.get()));
        server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        PlainListing c = new PlainListing(SimulatorFixture.channel("sms-plain", "instagram", USER)
                .baseUrl(URI.create("http://127.0.0.1:" + server.actualPort()))
                .credential("access_token", TOKEN, "PLAIN_TOKEN").build(), fixture.env());

        PlatformException entry = failure(c);
        body.set("{\"data\":{}}");
        PlatformException list = failure(c);

        assertThat(entry.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(entry).hasMessage("poll plain channel sms-plain: malformed JSON at $.data[0] of the media of " + USER
                + ": expected id and timestamp (yyyy-MM-dd'T'HH:mm:ssZ)");
        assertThat(list.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(list).hasMessage("poll plain channel sms-plain: malformed JSON at $.data of page 1 of the media of "
                + USER + ": expected an array");
    }

    private static PlatformException failure(PlainListing c) {
        try {
            c.fetch(null, List.of()).await(10, TimeUnit.SECONDS);
        } catch (PlatformException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a PlatformException, got " + e, e);
        }
        throw new AssertionError("expected the poll to fail");
    }

    @Test
    void aChannelWithoutAccessTokenIsRefusedNamingPlatformAndChannel() {
        assertThatThrownBy(() -> new PlainListing(channel().build(), fixture.env()))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFIG))
                .hasMessage("plain channel sms-plain: credential access_token is required");
    }
}
