package de.wachposten.platform.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Post;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.graph.GraphBudget;
import de.wachposten.platform.graph.GraphContractBase;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.SimRequest;
import de.wachposten.testkit.SimulatorFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connector contract and Instagram mapping against the simulated Graph API. */
class InstagramConnectorTest extends GraphContractBase {
    private static final String USER = "17841400000000000";

    InstagramConnectorTest() {
        super(USER, "presse_example", true, null);
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        ChannelConfig channel = SimulatorFixture.channel("sms-instagram", "instagram", USER).baseUrl(fixture.baseUrl())
                .credential("access_token", settings.secret(), "SMS_IG_TOKEN").build();
        return new InstagramConnector(channel, env, settings.httpOptions(), new GraphBudget());
    }

    @Test
    void mediaMapsCaptionPermalinkTimestampAndUsernameWithoutClient() {
        String id = sim.meta().publish(USER, "Neue Förderrichtlinie – Link in Bio #sachsen 👉🏽 שלום",
                Instant.parse("2026-01-08T05:30:00Z"), null);

        Post p = poll(connector(), null).posts().getFirst();

        assertThat(p.platformId()).isEqualTo(id);
        assertThat(p.text()).isEqualTo("Neue Förderrichtlinie – Link in Bio #sachsen 👉🏽 שלום");
        assertThat(p.url()).startsWith("https://www.instagram.com/p/");
        assertThat(p.author()).isEqualTo("presse_example");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2026-01-08T05:30:00Z"));
        assertThat(p.client()).isNull();
    }

    @Test
    void mediaWithoutCaptionHasEmptyText() {
        sim.meta().publish(USER, "", CLOCK.instant().minusSeconds(30), null);

        assertThat(poll(connector(), null).posts()).singleElement().satisfies(p -> assertThat(p.text()).isEmpty());
    }

    // --- profile -------------------------------------------------------------------------------------------------

    @Test
    void theFirstPollReadsTheUserObjectAndAChangedBiographyIsSeenAtTheFifthPollAfter() {
        Connector c = connector();
        FetchResult first = poll(c, null);
        sim.meta().setProfile(USER, "biography", "Neue Bio ✨ https://phish.example");
        String cursor = first.cursor();
        FetchResult r = null;
        for (int i = 0; i < 5; i++) {
            r = poll(c, cursor);
            cursor = r.cursor();
        }

        assertThat(first.profile().fields()).containsEntry("username", "presseexample")
                .containsEntry("display_name", "presse_example")
                .containsEntry("note", "Offizieller Account von presse_example")
                .containsEntry("avatar", "https://scontent-ber1-1.cdninstagram.com/v/t51.2885-19/" + USER + "_n.jpg")
                .containsEntry("links", "https://www.example.de/");
        assertThat(r.profile().fields()).containsEntry("note", "Neue Bio ✨ https://phish.example")
                .containsEntry("avatar", first.profile().fields().get("avatar"));
        assertThat(sim.faults().requests()).extracting(SimRequest::uri).contains("/v21.0/" + USER
                + "?fields=id%2Cusername%2Cname%2Cbiography%2Cwebsite%2Cprofile_picture_url");
    }

    @Test
    void aFailedProfileReadFailsThePollAsTheGraphErrorSays() {
        sim.faults().inject(USER, Fault.HTTP_500, 1);

        PlatformException e = pollFails(connector(), null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.getMessage()).startsWith("poll instagram channel sms-instagram: Graph error 1");
    }
}
