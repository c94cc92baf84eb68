package de.wachposten.platform.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Post;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.graph.GraphBudget;
import de.wachposten.platform.graph.GraphContractBase;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.meta.MetaSimulator;
import de.wachposten.testkit.SimulatorFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connector contract and Facebook specifics against the simulated Graph API. */
class FacebookConnectorTest extends GraphContractBase {
    private static final String PAGE = "104000000000000";
    private final GraphBudget budget = new GraphBudget();

    FacebookConnectorTest() {
        super(PAGE, "Sächsisches Staatsministerium für Soziales", false, "Meta Business Suite");
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        return new FacebookConnector(channel("sms-facebook", PAGE, settings.secret()), env, settings.httpOptions(),
                new GraphBudget());
    }

    private ChannelConfig channel(String id, String page, String token) {
        return SimulatorFixture.channel(id, "facebook", page).baseUrl(fixture.baseUrl())
                .credential("access_token", token, "SMS_FB_TOKEN").build();
    }

    // --- Facebook specifics --------------------------------------------------------------------------------------

    @Test
    void postMapsMetaTimestampsApplicationAndPermalink() {
        String id = sim.meta().publish(PAGE, "Neue Förderrichtlinie 🇩🇪 https://www.example.de/foerderung",
                Instant.parse("2026-01-08T05:30:00Z"), "Meta Business Suite");

        Post p = poll(connector(), null).posts().getFirst();

        assertThat(p.platformId()).isEqualTo(id).startsWith(PAGE + "_");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2026-01-08T05:30:00Z"));
        assertThat(p.client()).isEqualTo("Meta Business Suite");
        assertThat(p.author()).isEqualTo("Sächsisches Staatsministerium für Soziales");
        assertThat(p.url()).isEqualTo("https://www.facebook.com/" + PAGE + "/posts/" + id.substring(PAGE.length() + 1));
        assertThat(p.links()).containsExactly("https://www.example.de/foerderung");
    }

    @Test
    void mediaOnlyPostWithoutMessageOrApplicationHasEmptyTextAndNoClient() {
        sim.meta().publish(PAGE, "", CLOCK.instant().minusSeconds(60), null);

        Post p = poll(connector(), null).posts().getFirst();

        assertThat(p.text()).isEmpty();
        assertThat(p.client()).isNull();
    }

    @Test
    void throttlingByErrorCodeWithoutRetryAfterWaitsTheMinutesMetaEstimatesAndBlocksTheTokenForAllChannels() {
        ConnectorFactory factory = FacebookConnector.factory(HttpOptions.defaults());
        sim.meta().account("105000000000000", "Zweite Seite", false);
        Connector first = factory.create(channel("sms-facebook", PAGE, SECRET), env);
        Connector second = factory.create(channel("smk-facebook", "105000000000000", SECRET), env);
        sim.faults().inject(PAGE, Fault.rateLimited(Duration.ofMinutes(19), false), 1);

        PlatformException e = pollFails(first, null, List.of());
        PlatformException shared = pollFails(second, null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(19));
        assertThat(e.getMessage()).startsWith("poll facebook channel sms-facebook: Graph error 32 (HTTP 403)");
        assertThat(shared.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(shared.retryAfter()).isEqualTo(Duration.ofMinutes(19));
        assertThat(sim.faults().requestCount(MetaSimulator.ROUTE_EDGE, "105000000000000")).isZero();
    }

    @Test
    void highUsageInTheBusinessUseCaseHeaderDelaysTheNextPoll() {
        sim.meta().setUsage(100, 7);

        assertThat(poll(connector(), null).minDelay()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void expiredTokenFailsAsAuthWithoutTheToken() {
        Connector c = new FacebookConnector(channel("sms-facebook", PAGE, "abgelaufenes-token-42"), env,
                HttpOptions.defaults(), budget);

        PlatformException e = pollFails(c, null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.AUTH);
        assertThat(e.getMessage()).contains("Graph error 190/463").doesNotContain("abgelaufenes-token-42");
    }

    @Test
    void pagingFollowsNextWithTheTokenAndStopsAtAKnownPost() {
        publishMany(3, "alt");
        Connector c = connector();
        String cursor = poll(c, null).cursor();
        publishMany(60, "neu");
        sim.faults().clearRequests();

        poll(c, cursor);

        List<SimRequest> requests = sim.faults().requests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).uri()).startsWith("/v21.0/" + PAGE + "/posts?fields=").contains("limit=25")
                .doesNotContain("access_token");
        assertThat(requests.get(0).authorization()).isEqualTo("Bearer " + SECRET);
        assertThat(requests.get(1).uri()).contains("after=");
    }

    @Test
    void aPostMissingFromTheListButStillLoadableIsNotDeleted() {
        String kept = publish("bleibt");
        String hidden = publish("nur ausgeblendet");
        Connector c = connector();
        String cursor = poll(c, null).cursor();
        sim.meta().hide(hidden);

        FetchResult r = poll(c, cursor);

        assertThat(r.deletedIds()).isEmpty();
        assertThat(sim.faults().requests()).extracting(SimRequest::uri).contains("/v21.0/" + hidden + "?fields=id")
                .noneMatch(u -> u.contains(kept + "?"));
    }

    @Test
    void factoryRequiresAnAccessToken() {
        ChannelConfig none = SimulatorFixture.channel("sms-facebook", "facebook", PAGE).build();

        assertThatThrownBy(() -> FacebookConnector.FACTORY.create(none, env)).isInstanceOf(PlatformException.class)
                .hasMessage("facebook channel sms-facebook: credential access_token is required");
    }

    // --- profile -------------------------------------------------------------------------------------------------

    /** Polls {@code n} times with the cursor moving on; returns the results. */
    private List<FetchResult> polls(Connector c, int n) {
        List<FetchResult> out = new java.util.ArrayList<>();
        String cursor = null;
        for (int i = 0; i < n; i++) {
            FetchResult r = poll(c, cursor);
            out.add(r);
            cursor = r.cursor();
        }
        return out;
    }

    @Test
    void theFirstPollReadsThePageObjectWithTheTokenBeforeThePosts() {
        FetchResult r = poll(connector(), null);

        assertThat(r.profile().fields()).containsEntry("display_name", "Sächsisches Staatsministerium für Soziales")
                .containsEntry("note", "Offizielle Seite von Sächsisches Staatsministerium für Soziales")
                .containsEntry("links", "https://www.example.de/")
                .containsEntry("avatar", "https://scontent-ber1-1.xx.fbcdn.net/v/t39.30808-1/" + PAGE + "_1_n.jpg")
                .containsEntry("header", "https://scontent-ber1-1.xx.fbcdn.net/v/t39.30808-6/" + PAGE + "_2_n.jpg");
        SimRequest first = sim.faults().requests().getFirst();
        assertThat(first.route()).isEqualTo(MetaSimulator.ROUTE_PROFILE);
        assertThat(first.uri()).isEqualTo("/v21.0/" + PAGE + "?fields=id%2Cname%2Cusername%2Cabout%2Cdescription"
                + "%2Cwebsite%2Clink%2Cpicture%7Burl%7D%2Ccover%7Bsource%7D");
        assertThat(first.authorization()).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void aRenamedPageIsSeenAtTheFifthPollAfterTheFirstAndPollsBetweenDoNotReadTheProfile() {
        Connector c = connector();
        FetchResult first = poll(c, null);
        sim.meta().setProfile(PAGE, "name", "Gekapert 🏴‍☠️");

        List<FetchResult> later = polls(c, 5);

        assertThat(later.subList(0, 4)).allSatisfy(r -> assertThat(r.profile()).isNull());
        assertThat(later.get(4).profile().fields()).containsEntry("display_name", "Gekapert 🏴‍☠️");
        assertThat(later.get(4).profile().fields()).containsEntry("avatar", first.profile().fields().get("avatar"));
        assertThat(sim.faults().requestCount(MetaSimulator.ROUTE_PROFILE, PAGE)).isEqualTo(2);
    }

    @Test
    void anUnchangedPageReadsAsTheSameProfileAlthoughItsPictureUrlsAreSignedAnew() {
        List<FetchResult> r = polls(connector(), 6);

        assertThat(r.get(5).profile()).isEqualTo(r.get(0).profile());
    }

    @Test
    void aFailedProfileReadFailsThePollAndTheNextPollReadsTheProfileAndThePosts() {
        String id = publish("Beitrag");
        sim.faults().inject(PAGE, Fault.HTTP_500, 1);
        Connector c = connector();

        PlatformException e = pollFails(c, null, List.of());
        FetchResult next = poll(c, null);

        assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR);
        assertThat(e.getMessage()).startsWith("poll facebook channel sms-facebook: Graph error 1 (HTTP 500)")
                .doesNotContain(SECRET);
        assertThat(next.profile()).isNotNull();
        assertThat(ids(next)).containsExactly(id);
    }

    @Test
    void aGarbledProfileIsSkippedAndThePostsAreReadAsUsual() {
        String id = publish("Beitrag");
        sim.faults().inject(PAGE, Fault.MALFORMED_JSON, 1);

        FetchResult r = poll(connector(), null);

        assertThat(r.profile()).isNull();
        assertThat(ids(r)).containsExactly(id);
    }

    @Test
    void aThrottledProfileReadBlocksTheSharedTokenBudgetSoThePostsAreNotRequested() {
        sim.faults().inject(PAGE, Fault.rateLimited(Duration.ofMinutes(3), false), 1);

        PlatformException e = pollFails(connector(), null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(3));
        assertThat(sim.faults().requestCount(MetaSimulator.ROUTE_EDGE, PAGE)).isZero();
    }

    @Test
    void aPageThatDoesNotExistFailsAsNotFound() {
        Connector c = new FacebookConnector(channel("sms-facebook", "199000000000000", SECRET), env,
                HttpOptions.defaults(), budget);

        PlatformException e = pollFails(c, null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains("profile of page 199000000000000: Graph error 100/33");
    }
}
