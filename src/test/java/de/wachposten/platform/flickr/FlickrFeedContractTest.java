package de.wachposten.platform.flickr;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Post;
import de.wachposten.platform.Connector;
import de.wachposten.platform.FetchResult;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.flickr.FlickrSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract through the public feed (no key), and the feed's mapping. */
class FlickrFeedContractTest extends FlickrContractBase {
    @Override
    boolean withKey() {
        return false;
    }

    @Override
    protected int window() {
        return FlickrSimulator.FEED_WINDOW;
    }

    @Test
    void feedPhotoMapsToItsIdTitleAndDescriptionWithoutTheBoilerplateAndWithApostrophes() {
        String id = sim.flickr().upload(NSID, "Tag der offenen Tür – Ministerpräsident's Rede",
                "Mehr unter <a href=\"https://www.example.de\">example.de</a>", at(1));

        Post p = poll(connector(), null).posts().getFirst();

        assertThat(p.platformId()).isEqualTo(id);
        assertThat(p.url()).isEqualTo("https://www.flickr.com/photos/" + NSID + "/" + id + "/");
        assertThat(p.text()).isEqualTo("Tag der offenen Tür – Ministerpräsident's Rede\n\nMehr unter example.de");
        assertThat(p.links()).contains("https://www.example.de");
        assertThat(p.publishedAt()).isEqualTo(at(1));
        assertThat(p.client()).isNull();
    }

    @Test
    void photoWithoutTitleOrDescriptionHasEmptyText() {
        sim.flickr().upload(NSID, "", "", at(2));

        assertThat(poll(connector(), null).posts()).singleElement().satisfies(p -> assertThat(p.text()).isEmpty());
    }

    @Test
    void theFeedTitleShowsTheDisplayNameAtEveryPollWithoutARequestOfItsOwn() {
        Connector c = connector();
        FetchResult first = poll(c, null);
        sim.flickr().setProfile(NSID, "username", "Gekapert 📸");

        FetchResult second = poll(c, first.cursor());

        assertThat(first.profile().fields()).isEqualTo(Map.of("display_name", "Sächsische Staatskanzlei"));
        assertThat(second.profile().fields()).isEqualTo(Map.of("display_name", "Gekapert 📸"));
        assertThat(sim.faults().requests()).extracting(SimRequest::uri)
                .allSatisfy(u -> assertThat(u).startsWith("/services/feeds/photos_public.gne")).hasSize(2);
    }
}
