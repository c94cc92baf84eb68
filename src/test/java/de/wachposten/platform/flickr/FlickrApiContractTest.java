package de.wachposten.platform.flickr;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.SimRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract through {@code flickr.people.getPublicPhotos} with an api_key, and API specifics. */
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
}
