package de.wachposten.platform.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Policy;
import de.wachposten.model.Post;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorContract;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.bluesky.BlueskySimulator;
import de.wachposten.simulator.bluesky.SimActor;
import de.wachposten.simulator.bluesky.SkeetSpec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connector contract and Bluesky specifics, against the simulator over HTTP. */
class BlueskyConnectorTest extends ConnectorContract {
    private SimActor presse;

    @Override
    protected void createChannel(PlatformSimulator sim) {
        presse = sim.bluesky().actor("presse.sachsen.de", "Pressestelle");
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        return new BlueskyConnector(channel("sms-bluesky", "presse.sachsen.de", fixture.baseUrl()), env,
                BlueskyOptions.defaults().withLimits(settings.timeout(), settings.maxBodyBytes()));
    }

    static ChannelConfig channel(String id, String account, URI baseUrl) {
        return new ChannelConfig(id, id, "bluesky", account, "sms", baseUrl, Map.of(), Duration.ofMinutes(1), false,
                null, Policy.permissive(), List.of(), List.of(), 1);
    }

    @Override
    protected String publish(String text) {
        return sim.bluesky().publish(presse, text, fixture.nextTime());
    }

    @Override
    protected void edit(String platformId, String newText) {
        sim.bluesky().edit(platformId, newText);
    }

    @Override
    protected void delete(String platformId) {
        sim.bluesky().delete(platformId);
    }

    @Override
    protected void inject(ContractFault fault, Settings settings) {
        sim.faults().inject("presse.sachsen.de", simulated(fault, settings, true), 1);
    }

    // --- Bluesky specifics -------------------------------------------------------------------------------------------

    @Test
    void catchingUpFollowsTheBackwardsCursorUntilTheLastSeenPost() {
        publish("vorher");
        Connector connector = connector();
        String cursor = poll(connector, null).cursor();
        List<String> fresh = publishMany(250, "Flut");
        sim.faults().clearRequests();

        FetchResult result = poll(connector, cursor);

        List<String> uris = sim.faults().requests().stream()
                .filter(r -> r.route().equals(BlueskySimulator.ROUTE_FEED)).map(SimRequest::uri).toList();
        assertThat(uris).hasSize(3);
        assertThat(uris.get(0)).contains("actor=" + presse.did().replace(":", "%3A")).contains("limit=100")
                .contains("filter=posts_with_replies").doesNotContain("cursor=");
        assertThat(uris.get(1)).contains("cursor=");
        assertThat(ids(result)).containsExactlyElementsOf(fresh);
    }

    @Test
    void repliesQuotesAndRepostsArePostsOfTheirOwn() {
        SimActor other = sim.bluesky().actor("bmas.bund.de", "BMAS");
        String theirs = sim.bluesky().publish(other, "Fremder Beitrag", fixture.nextTime());
        String reply = sim.bluesky().publish(presse, new SkeetSpec("Antwort", fixture.nextTime(), null, theirs, null,
                List.of(), false));
        String quote = sim.bluesky().publish(presse, new SkeetSpec("Zitat", fixture.nextTime(), null, null, theirs,
                List.of(), false));
        Instant repostedAt = fixture.nextTime();
        String repost = sim.bluesky().repost(presse, theirs, repostedAt);

        FetchResult result = poll(connector(), null);

        assertThat(ids(result)).containsExactly(reply, quote, repost);
        assertThat(result.posts().get(0).rawJson()).contains("\"reply\"");
        assertThat(result.posts().get(1).rawJson()).contains("app.bsky.embed.record");
        assertThat(result.posts().get(2)).satisfies(p -> {
            assertThat(p.text()).isEqualTo("RT @bmas.bund.de: Fremder Beitrag");
            assertThat(p.author()).isEqualTo("presse.sachsen.de");
            assertThat(p.publishedAt()).isEqualTo(repostedAt);
            assertThat(p.url()).startsWith("https://bsky.app/profile/bmas.bund.de/post/");
        });
    }

    @Test
    void aRepostAfterTheFirstPollIsNewAndIsNeverReportedDeleted() {
        SimActor other = sim.bluesky().actor("bmas.bund.de", "BMAS");
        String theirs = sim.bluesky().publish(other, "Fremder Beitrag", fixture.nextTime());
        Connector connector = connector();
        String cursor = poll(connector, null).cursor();
        String repost = sim.bluesky().repost(presse, theirs, fixture.nextTime());

        FetchResult second = poll(connector, cursor);
        FetchResult third = poll(connector, second.cursor(), List.of(repost));

        assertThat(ids(second)).containsExactly(repost);
        assertThat(third.posts()).isEmpty();
        assertThat(third.deletedIds()).isEmpty();
    }

    @Test
    void aBackDatedPostIsPublishedAtItsIndexingTimeAndStillFound() {
        Connector connector = connector();
        publish("normal");
        String cursor = poll(connector, null).cursor();
        Instant indexed = CLOCK.instant();
        String backdated = sim.bluesky().publish(presse, new SkeetSpec("rückdatiert",
                Instant.parse("2016-01-08T09:00:00Z"), indexed, null, null, List.of(), false));

        FetchResult result = poll(connector, cursor);

        assertThat(result.posts()).singleElement().satisfies(p -> {
            assertThat(p.platformId()).isEqualTo(backdated);
            assertThat(p.publishedAt()).isEqualTo(indexed);
            assertThat(p.rawJson()).contains("2016-01-08T09:00:00.000Z");
        });
    }

    @Test
    void shortenedLinksAreExpandedFromTheirFacets() {
        sim.bluesky().publish(presse, new SkeetSpec("Mehr: https://www.medienservice.sachsen.de/medien/news/1069713 ✅",
                fixture.nextTime(), null, null, null, List.of("Titelblatt"), true));

        Post p = poll(connector(), null).posts().getFirst();

        assertThat(p.text()).isEqualTo("Mehr: https://www.medienservice.sachsen.de/medien/news/1069713 ✅");
        assertThat(p.links()).containsExactly("https://www.medienservice.sachsen.de/medien/news/1069713");
        assertThat(p.url()).startsWith("https://bsky.app/profile/presse.sachsen.de/post/");
        assertThat(p.client()).isNull();
    }

    @Test
    void theProfileGivesTheDidAndItsFields() {
        sim.bluesky().setProfile(presse, "Pressestelle SMS", "Offizieller Kanal", "https://cdn.bsky.app/a.jpg",
                "https://cdn.bsky.app/b.jpg");

        FetchResult result = poll(connector(), null);

        assertThat(result.profile().fields()).containsEntry("display_name", "Pressestelle SMS")
                .containsEntry("note", "Offizieller Kanal").containsEntry("avatar", "https://cdn.bsky.app/a.jpg")
                .containsEntry("header", "https://cdn.bsky.app/b.jpg");
    }

    @Test
    void anUnknownHandleFailsAsAClientErrorWithTheXrpcMessage() {
        Connector connector = new BlueskyConnector(channel("x", "niemand.bsky.social", URI.create(sim.baseUrl())), env,
                BlueskyOptions.defaults());

        PlatformException e = pollFails(connector, null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.CLIENT_ERROR);
        assertThat(e.getMessage()).isEqualTo("poll bluesky channel x: HTTP 400 on GET "
                + "/xrpc/app.bsky.actor.getProfile?actor=niemand.bsky.social (InvalidRequest: Profile not found)");
    }
}
