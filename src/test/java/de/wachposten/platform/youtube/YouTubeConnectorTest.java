package de.wachposten.platform.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Post;
import de.wachposten.platform.Connector;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.youtube.YouTubeSimulator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connector contract and YouTube specifics against the simulated channel feed. */
class YouTubeConnectorTest extends YouTubeContractBase {
    @Override
    String title() {
        return "Sächsisches Staatsministerium (Beispiel)";
    }

    @Override
    boolean withKey() {
        return false;
    }

    @Override
    protected int window() {
        return YouTubeSimulator.WINDOW;
    }

    @Override
    protected String malformedWording() {
        return "malformed XML at";
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
        Connector c = new YouTubeConnector(channel("UCunknownChannel00000000", fixture.baseUrl(), null), env,
                HttpOptions.defaults());

        PlatformException e = pollFails(c, null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThatThrownBy(() -> YouTubeConnector.FACTORY.create(channel("@sachsen", null, null), env))
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
