package de.wachposten.platform.rss;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.rss.RssSimulator;
import de.wachposten.testkit.SimulatorFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feed's own metadata as the channel profile, against the simulated RSS 2.0 and Atom feeds. */
class RssProfileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T05:30:00Z"), ZoneOffset.UTC);
    private SimulatorFixture fixture;
    private ConnectorEnv env;
    private PlatformSimulator sim;

    @BeforeEach
    void start() throws Exception {
        fixture = SimulatorFixture.start(CLOCK);
        env = fixture.env();
        sim = fixture.sim();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private Connector connector(String url) {
        return new RssConnector(RssContractBase.channel(url, null, null), env, HttpOptions.defaults());
    }

    private FetchResult poll(Connector c, String cursor) {
        try {
            return c.fetch(cursor, List.of()).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

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
