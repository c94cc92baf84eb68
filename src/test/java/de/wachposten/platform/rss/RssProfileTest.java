package de.wachposten.platform.rss;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.platform.Connector;
import de.wachposten.platform.FetchResult;
import de.wachposten.simulator.rss.RssSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feed's own metadata as the channel profile, against the simulated RSS 2.0 and Atom feeds. */
class RssProfileTest extends RssSimulatorTestBase {

    @Test
    void theFirstPollShowsTheRssChannelMetadataAndAChangedTitleIsSeenAtTheNextPoll() {
        String url = sim.rss().feed("smk", "Kultusministerium", RssSimulator.Format.RSS);
        sim.rss().setProfile("smk", "image", "https://www.smk.sachsen.de/logo.png");
        sim.rss().publish("smk", "Titel", "Text", CLOCK.instant().minusSeconds(600));
        Connector c = connector(url);
        FetchResult first = poll(c, null);
        sim.rss().setProfile("smk", "title", "Kultusministerium – gehackt 🏴‍☠️");

        FetchResult second = poll(c, first.cursor());

        assertThat(first.profile().fields()).isEqualTo(Map.of("display_name", "Kultusministerium",
                "note", "Kultusministerium", "avatar", "https://www.smk.sachsen.de/logo.png",
                "links", fixture.baseUrl() + "/"));
        assertThat(second.profile().fields()).containsEntry("display_name", "Kultusministerium – gehackt 🏴‍☠️");
        assertThat(second.posts()).isEmpty();
        assertThat(sim.faults().requests()).hasSize(2);
    }

    @Test
    void anAtomFeedShowsSubtitleLogoAndAlternateLinkAndTheirChanges() {
        String url = sim.rss().feed("polizei", "Polizei Sachsen", RssSimulator.Format.ATOM);
        sim.rss().setProfile("polizei", "description", "Meldungen & Warnungen");
        Connector c = connector(url);
        FetchResult first = poll(c, null);
        sim.rss().setProfile("polizei", "link", "https://phish.example/");
        sim.rss().setProfile("polizei", "image", "https://phish.example/logo.png");

        FetchResult second = poll(c, first.cursor());

        assertThat(first.profile().fields()).isEqualTo(Map.of("display_name", "Polizei Sachsen",
                "note", "Meldungen & Warnungen", "avatar", "", "links", fixture.baseUrl() + "/"));
        assertThat(second.profile().fields()).isEqualTo(Map.of("display_name", "Polizei Sachsen",
                "note", "Meldungen & Warnungen", "avatar", "https://phish.example/logo.png",
                "links", "https://phish.example/"));
    }

    @Test
    void a304NotModifiedShowsNoProfileRatherThanAChangedOne() {
        String url = sim.rss().feed("smk", "SMK", RssSimulator.Format.RSS);
        sim.rss().publish("smk", "Titel", "Text", CLOCK.instant().minusSeconds(600));
        Connector c = connector(url);
        FetchResult first = poll(c, null);
        sim.faults().clearRequests();

        FetchResult second = poll(c, first.cursor());

        assertThat(first.profile()).isNotNull();
        assertThat(sim.faults().requests()).hasSize(1);
        assertThat(second.cursor()).isEqualTo(first.cursor());
        assertThat(second.profile()).isNull();
    }
}
