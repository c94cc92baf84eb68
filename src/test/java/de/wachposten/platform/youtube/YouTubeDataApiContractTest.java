package de.wachposten.platform.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.platform.Connector;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.SimRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import de.wachposten.platform.FetchResult;
import org.junit.jupiter.api.Test;

/** The connector contract through the Data API v3 (with api_key), and its quota handling. */
class YouTubeDataApiContractTest extends YouTubeContractBase {
    @Override
    String title() {
        return "Staatsministerium";
    }

    @Override
    boolean withKey() {
        return true;
    }

    @Test
    void readsTheUploadsPlaylistWithTheKeyAndPagesToAKnownVideo() {
        Connector c = connector();
        String cursor = poll(c, null).cursor();
        publishMany(70, "Video");
        sim.faults().clearRequests();

        poll(c, cursor);

        assertThat(sim.faults().requests()).extracting(SimRequest::uri).hasSize(2).allSatisfy(u -> assertThat(u)
                .startsWith("/youtube/v3/playlistItems?part=snippet,contentDetails,status&maxResults=50"
                        + "&playlistId=UUexampleChannelId000000&key="));
    }

    @Test
    void exhaustedQuotaWaitsUntilGooglesResetAtPacificMidnight() {
        sim.youtube().exhaustQuota(true);

        PlatformException e = pollFails(connector(), null, List.of());

        // CLOCK is 2026-01-08T05:30Z = 21:30 on 7 January in Los Angeles; the reset is at 08:00Z.
        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.between(CLOCK.instant(), Instant.parse("2026-01-08T08:00:00Z")));
        assertThat(e.getMessage()).contains("quotaExceeded").contains("after 1 units today").doesNotContain(SECRET);
    }

    @Test
    void invalidKeyFailsAsAuth() {
        sim.youtube().requireApiKey("ein-anderer-schluessel");

        PlatformException e = pollFails(connector(), null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.AUTH);
        assertThat(e.getMessage()).contains("keyInvalid").doesNotContain(SECRET);
    }

    // --- profile -------------------------------------------------------------------------------------------------

    @Test
    void theFirstPollReadsTheChannelResourceAtOneQuotaUnitBeforeTheUploads() {
        FetchResult r = poll(connector(), null);

        assertThat(r.profile().fields()).containsEntry("display_name", "Staatsministerium")
                .containsEntry("username", "@staatsministerium")
                .containsEntry("note", "Der offizielle Kanal: Staatsministerium")
                .containsEntry("avatar", "https://yt3.ggpht.com/ytc/exampleChannelId000000A=s88-c-k-c0x00ffffff-no-rj")
                .containsEntry("header", "https://yt3.googleusercontent.com/exampleChannelId000000B");
        assertThat(sim.faults().requests()).extracting(SimRequest::uri).hasSize(2).first().asString()
                .startsWith("/youtube/v3/channels?part=snippet,brandingSettings&id=" + CHANNEL + "&key=");
    }

    @Test
    void aChangedDescriptionIsSeenAtTheFifthPollAfterTheFirst() {
        Connector c = connector();
        String cursor = poll(c, null).cursor();
        sim.youtube().setProfile(CHANNEL, "description", "Folgen Sie uns auf https://phish.example 🎁");
        FetchResult r = null;
        int profiles = 0;
        for (int i = 0; i < 5; i++) {
            r = poll(c, cursor);
            cursor = r.cursor();
            profiles += r.profile() == null ? 0 : 1;
        }

        assertThat(profiles).isEqualTo(1);
        assertThat(r.profile().fields()).containsEntry("note", "Folgen Sie uns auf https://phish.example 🎁");
    }

    @Test
    void theProfileReadCountsInTheQuotaAndAnExhaustedQuotaFailsThePoll() {
        Connector c = connector();
        String cursor = poll(c, null).cursor();
        for (int i = 0; i < 4; i++) {
            cursor = poll(c, cursor).cursor();
        }
        sim.youtube().exhaustQuota(true);

        PlatformException e = pollFails(c, cursor, List.of());

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.getMessage()).contains("/youtube/v3/channels").contains("after 7 units today");
    }

    @Test
    void aChannelTheApiDoesNotListFailsAsNotFound() {
        ChannelConfig other = channel("UCunknownChannel00000000", fixture.baseUrl(), SECRET);

        PlatformException e = pollFails(new YouTubeConnector(other, env, HttpOptions.defaults()), null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains("lists no channel").doesNotContain(SECRET);
    }
}
