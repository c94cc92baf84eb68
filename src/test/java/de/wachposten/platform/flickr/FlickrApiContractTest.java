package de.wachposten.platform.flickr;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.platform.Connector;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.flickr.FlickrSimulator;
import de.wachposten.testkit.LogCapture;
import de.wachposten.testkit.SimulatorFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract through {@code flickr.people.getPublicPhotos} with an api_key, and API specifics (profile included). */
class FlickrApiContractTest extends FlickrContractBase {
    @Override
    boolean withKey() {
        return true;
    }

    @Test
    void catchingUpPagesUntilAKnownPhotoWithTheExtrasItNeeds() {
        var c = connector();
        String cursor = poll(c, null).cursor();
        publishMany(150, "Foto");
        sim.faults().clearRequests();

        poll(c, cursor);

        assertThat(sim.faults().requests()).extracting(SimRequest::uri).hasSize(2).allSatisfy(u -> assertThat(u)
                .contains("method=flickr.people.getPublicPhotos").contains("extras=date_upload,last_update,description")
                .contains("user_id=12345678%40N02"));
    }

    @Test
    void invalidKeyFailsAsAuthWithoutTheKey() {
        ChannelConfig wrong = channel(fixture.baseUrl(), "falscher-schluessel-123");

        PlatformException e = pollFails(new FlickrConnector(wrong, env, HttpOptions.defaults()), null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.AUTH);
        assertThat(e.getMessage()).contains("Flickr error 100").contains("Invalid API Key")
                .doesNotContain("falscher-schluessel-123").contains("api_key=<secret>");
    }

    @Test
    void editMovesLastupdateAndBecomesTheEditTime() {
        String id = publish("Erste Fassung");
        var c = connector();
        String cursor = poll(c, null).cursor();
        sim.flickr().edit(id, "Zweite Fassung", "", CLOCK.instant());

        assertThat(poll(c, cursor).posts()).singleElement().satisfies(p -> assertThat(p.editedAt())
                .isEqualTo(CLOCK.instant()));
    }

    // --- profile -------------------------------------------------------------------------------------------------

    @Test
    void theFirstPollReadsThePersonBeforeThePhotos() {
        String id = publish("Foto");

        FetchResult r = poll(connector(), null);

        assertThat(r.profile().fields()).isEqualTo(Map.of("display_name", "Sächsische Staatskanzlei",
                "username", "Sächsische Staatskanzlei", "note", "Offizielle Fotos: Sächsische Staatskanzlei",
                "avatar", "https://farm66.staticflickr.com/65535/buddyicons/" + NSID + ".jpg",
                "links", "https://www.flickr.com/people/schsischestaatskanzlei/"));
        assertThat(ids(r)).containsExactly(id);
        assertThat(sim.faults().requests()).extracting(SimRequest::uri).hasSize(2).first().asString()
                .startsWith("/services/rest/?method=flickr.people.getInfo&api_key=").contains("&user_id=12345678%40N02")
                .endsWith("&format=json&nojsoncallback=1");
    }

    @Test
    void aChangedRealNameIsSeenAtTheFifthPollAfterTheFirst() {
        Connector c = connector();
        String cursor = poll(c, null).cursor();
        sim.flickr().setProfile(NSID, "realname", "Gekapert 🏴‍☠️");
        FetchResult r = null;
        int profiles = 0;
        for (int i = 0; i < 5; i++) {
            r = poll(c, cursor);
            cursor = r.cursor();
            profiles += r.profile() == null ? 0 : 1;
        }

        assertThat(profiles).isEqualTo(1);
        assertThat(r.profile().fields()).containsEntry("display_name", "Gekapert 🏴‍☠️");
        assertThat(sim.faults().requestCount(FlickrSimulator.ROUTE_PROFILE, NSID)).isEqualTo(2);
    }

    @Test
    void aGarbledPersonIsSkippedWithAWarningThePhotosAreReadAndItIsReadAgainAtTheNextScheduledRead() {
        String id = publish("Foto");
        Connector c = connector();
        sim.faults().inject(NSID, Fault.MALFORMED_JSON, 1);
        FetchResult first;
        try (LogCapture log = LogCapture.capture()) {
            first = poll(c, null);

            assertThat(log.text()).contains("flickr.people.getInfo").contains("profile is skipped")
                    .doesNotContain(SECRET);
        }

        assertThat(first.profile()).isNull();
        assertThat(ids(first)).containsExactly(id);
        String cursor = first.cursor();
        for (int i = 0; i < 4; i++) {
            FetchResult r = poll(c, cursor);
            assertThat(r.profile()).isNull();
            cursor = r.cursor();
        }
        assertThat(poll(c, cursor).profile()).isNotNull();
    }

    @Test
    void aFlickrErrorOnThePersonAloneIsSkippedButServiceUnavailableFailsThePoll() {
        String id = publish("Foto");
        sim.flickr().failProfile(NSID, 111, "Format \"json\" not found");
        FetchResult skipped = poll(connector(), null);
        sim.flickr().failProfile(NSID, 105, "Service currently unavailable");

        PlatformException e = pollFails(connector(), null, List.of());

        assertThat(skipped.profile()).isNull();
        assertThat(ids(skipped)).containsExactly(id);
        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.getMessage()).contains("Flickr error 105").contains("flickr.people.getInfo")
                .doesNotContain(SECRET);
    }

    @Test
    void aServerErrorOnThePersonFailsThePollAndTheNextPollReadsItAgain() {
        Connector c = connector();
        sim.faults().inject(NSID, Fault.HTTP_500, 1);

        PlatformException e = pollFails(c, null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.getMessage()).contains("flickr.people.getInfo").doesNotContain(SECRET);
        assertThat(poll(c, null).profile()).isNotNull();
    }

    @Test
    void anAccountFlickrDoesNotKnowFailsAsNotFound() {
        ChannelConfig other = SimulatorFixture.channel("x-flickr", "flickr", "99999999@N01").office("sk")
                .baseUrl(fixture.baseUrl()).credential("api_key", SECRET, "FLICKR_KEY").build();

        PlatformException e = pollFails(new FlickrConnector(other, env, HttpOptions.defaults()), null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains("Flickr error 1").contains("User not found");
    }
}
