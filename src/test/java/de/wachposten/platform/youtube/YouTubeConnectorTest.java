package de.wachposten.platform.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Policy;
import de.wachposten.model.Post;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorContract;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.youtube.YouTubeSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The connector contract and YouTube specifics against the simulated channel feed. */
class YouTubeConnectorTest extends ConnectorContract {
    private static final String CHANNEL = "UCexampleChannelId000000";
    private PlatformSimulator sim;
    private final AtomicLong minute = new AtomicLong();

    @Override
    protected Future<Void> startPlatform(Vertx vertx, Clock clock) {
        sim = new PlatformSimulator(vertx, clock);
        return sim.start().map(s -> {
            sim.youtube().channel(CHANNEL, "Sächsisches Staatsministerium (Beispiel)");
            return null;
        });
    }

    @Override
    protected Future<Void> stopPlatform() {
        return sim.stop();
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        return new YouTubeConnector(channel(CHANNEL, URI.create(sim.baseUrl())), env, HttpOptions.defaults()
                .withTimeout(settings.timeout()).withMaxBodyBytes(settings.maxBodyBytes()));
    }

    static ChannelConfig channel(String account, URI base) {
        return new ChannelConfig("smk-youtube", null, "youtube", account, "smk", base, Map.of(), Duration.ofMinutes(5),
                false, null, Policy.permissive(), List.of(), List.of(), 1);
    }

    @Override
    protected String publish(String text) {
        return sim.youtube().publish(CHANNEL, text, "", nextTime());
    }

    private Instant nextTime() {
        return CLOCK.instant().minus(Duration.ofDays(1)).plusSeconds(60 * minute.incrementAndGet());
    }

    @Override
    protected void edit(String platformId, String newText) {
        sim.youtube().edit(platformId, newText, "", CLOCK.instant());
    }

    @Override
    protected void delete(String platformId) {
        sim.youtube().delete(platformId);
    }

    @Override
    protected int window() {
        return YouTubeSimulator.WINDOW;
    }

    @Override
    protected String malformedWording() {
        return "malformed XML at";
    }

    @Override
    protected void inject(ContractFault fault, Settings settings) {
        Fault f = switch (fault) {
            case RATE_LIMITED -> Fault.rateLimited(RATE_LIMIT_WAIT, true);
            case SERVER_ERROR -> Fault.HTTP_500;
            case MALFORMED_JSON -> Fault.MALFORMED_JSON;
            case TRUNCATED_JSON -> Fault.TRUNCATED_JSON;
            case HUGE_BODY -> Fault.huge(settings.maxBodyBytes() * 4);
            case SLOW -> Fault.slow(settings.timeout().multipliedBy(20));
        };
        sim.faults().inject(CHANNEL, f, 1);
    }

    // --- YouTube specifics ---------------------------------------------------------------------------------------

    @Test
    void videoMapsToItsIdWatchUrlTitleAndDescriptionWithoutClient() {
        String id = sim.youtube().publish(CHANNEL, "Neue Förderrichtlinie erklärt",
                "Mehr unter https://www.example.de/foerderung 🎬", Instant.parse("2026-01-08T05:30:00Z"));

        Post p = poll(connector(), null).posts().getFirst();

        assertThat(p.platformId()).isEqualTo(id).hasSize(11);
        assertThat(p.url()).isEqualTo("https://www.youtube.com/watch?v=" + id);
        assertThat(p.author()).isEqualTo("Sächsisches Staatsministerium (Beispiel)");
        assertThat(p.text()).isEqualTo("Neue Förderrichtlinie erklärt\n\nMehr unter https://www.example.de/foerderung 🎬");
        assertThat(p.links()).containsExactly("https://www.example.de/foerderung");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2026-01-08T05:30:00Z"));
        assertThat(p.editedAt()).isNull();
        assertThat(p.client()).isNull();
    }

    @Test
    void requestsTheChannelFeedByChannelId() {
        poll(connector(), null);

        assertThat(sim.faults().requests()).singleElement().extracting(SimRequest::uri)
                .isEqualTo("/feeds/videos.xml?channel_id=" + CHANNEL);
    }

    @Test
    void aVideoThatScrolledOutOfTheWindowIsNotReportedDeleted() {
        List<String> first = publishMany(YouTubeSimulator.WINDOW, "Video");
        Connector c = connector();
        String cursor = poll(c, null).cursor();
        publishMany(3, "neu");

        FetchResult r = poll(c, cursor);

        assertThat(r.posts()).hasSize(3);
        assertThat(r.deletedIds()).isEmpty();
        assertThat(r.cursor()).doesNotContain(first.get(0)).contains(first.get(3));
    }

    @Test
    void unknownChannelFailsAsNotFoundAndABadAccountIsAConfigError() {
        Connector c = new YouTubeConnector(channel("UCunknownChannel00000000", URI.create(sim.baseUrl())), env,
                HttpOptions.defaults());

        PlatformException e = pollFails(c, null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThatThrownBy(() -> YouTubeConnector.FACTORY.create(channel("@sachsen", null), env))
                .isInstanceOf(PlatformException.class).hasMessageContaining("account must be the channel id");
    }

    @Test
    void theFeedShowsTheChannelTitleAsDisplayNameAtEveryPoll() {
        Connector c = connector();
        FetchResult first = poll(c, null);
        sim.youtube().setProfile(CHANNEL, "title", "Gekapert 🎬");

        FetchResult second = poll(c, first.cursor());

        assertThat(first.profile().fields()).isEqualTo(Map.of("display_name",
                "Sächsisches Staatsministerium (Beispiel)"));
        assertThat(second.profile().fields()).isEqualTo(Map.of("display_name", "Gekapert 🎬"));
    }
}
