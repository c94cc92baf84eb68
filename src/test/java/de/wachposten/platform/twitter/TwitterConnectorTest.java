package de.wachposten.platform.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorContract;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.RateBudget;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.twitter.SimUser;
import de.wachposten.simulator.twitter.TwitterSimulator;
import de.wachposten.testkit.SimulatorFixture;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connector contract and X specifics, against the simulator over HTTP. */
class TwitterConnectorTest extends ConnectorContract {
    private SimUser sms;

    @Override
    protected void createChannel(PlatformSimulator sim) {
        sms = sim.twitter().user("SMS_Sachsen", "Sozialministerium Sachsen");
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        return connector(env, settings, new RateBudget(1));
    }

    private Connector connector(ConnectorEnv env, Settings settings, RateBudget budget) {
        TwitterOptions options = TwitterOptions.defaults().withLimits(settings.timeout(), settings.maxBodyBytes());
        return new TwitterConnector(channel("sms-twitter", "@SMS_Sachsen", fixture.baseUrl(), settings.secret()),
                env, options, budget);
    }

    static ChannelConfig channel(String id, String account, URI baseUrl, String token) {
        return SimulatorFixture.channel(id, "twitter", account).baseUrl(baseUrl)
                .credential("bearer_token", token, "SMS_X_TOKEN").build();
    }

    @Override
    protected String publish(String text) {
        return sim.twitter().publish(sms, text, fixture.nextTime());
    }

    @Override
    protected void edit(String platformId, String newText) {
        sim.twitter().edit(platformId, newText, CLOCK.instant());
    }

    @Override
    protected void delete(String platformId) {
        sim.twitter().delete(platformId);
    }

    @Override
    protected void inject(ContractFault fault, Settings settings) {
        sim.faults().inject("SMS_Sachsen", simulated(fault, settings, false), 1);
    }

    // --- X specifics -------------------------------------------------------------------------------------------------

    @Test
    void catchingUpSendsSinceIdAndFollowsNextTokenUntilItIsAbsent() {
        publish("vorher");
        Connector connector = connector();
        String cursor = poll(connector, null).cursor();
        publishMany(250, "Flut");
        sim.faults().clearRequests();

        FetchResult result = poll(connector, cursor);

        List<String> uris = sim.faults().requests().stream().filter(r -> r.route().equals(TwitterSimulator.ROUTE_TWEETS))
                .map(SimRequest::uri).toList();
        assertThat(uris).hasSize(3);
        assertThat(uris).allSatisfy(u -> assertThat(u).contains("since_id=" + cursor).contains("max_results=100"));
        assertThat(uris.get(1)).contains("pagination_token=");
        assertThat(result.posts()).hasSize(250);
        assertThat(result.posts().getFirst().text()).isEqualTo("Flut 1");
    }

    @Test
    void everyRequestCarriesTheBearerTokenAndAMissingTokenIsAConfigError() {
        poll(connector(), null);

        assertThat(sim.faults().requests()).extracting(SimRequest::authorization).containsOnly("Bearer " + SECRET);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TwitterConnector(
                        channel("sms-twitter", "SMS_Sachsen", fixture.baseUrl(), null), env,
                        TwitterOptions.defaults(), new RateBudget(1)))
                .isInstanceOf(PlatformException.class)
                .hasMessage("twitter channel sms-twitter: credential bearer_token (an app-only bearer token of the X API)"
                        + " is required");
    }

    @Test
    void anEditIsANewVersionOfTheOriginalPublishedAtTheOriginalsTime() {
        String id = publish("Erste Fassung");
        Connector connector = connector();
        String cursor = poll(connector, null).cursor();
        sim.twitter().edit(id, "Zweite Fassung", CLOCK.instant());

        FetchResult result = poll(connector, cursor);

        assertThat(result.posts()).singleElement().satisfies(p -> {
            assertThat(p.platformId()).isEqualTo(id);
            assertThat(p.editedAt()).isEqualTo(CLOCK.instant());
            assertThat(p.url()).isEqualTo("https://x.com/SMS_Sachsen/status/" + id);
            assertThat(p.client()).isNull();
        });
        assertThat(result.cursor()).isNotEqualTo(cursor);
    }

    @Test
    void anUnknownUsernameFailsAsNotFoundNamingTheUser() {
        Connector connector = new TwitterConnector(channel("x", "niemand", fixture.baseUrl(), SECRET), env,
                TwitterOptions.defaults(), new RateBudget(1));

        PlatformException e = pollFails(connector, null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).startsWith("poll twitter channel x: user @niemand not found: Could not find user");
    }

    @Test
    void aRateLimitSeenByOneChannelHoldsBackTheOtherChannelsWithTheSameToken() {
        RateBudget shared = new RateBudget(1);
        Connector first = connector(env, Settings.defaults(), shared);
        Connector second = connector(env, Settings.defaults(), shared);
        String cursor = poll(first, null).cursor();
        sim.faults().inject("SMS_Sachsen", Fault.rateLimited(RATE_LIMIT_WAIT, false), 1);
        pollFails(first, cursor, List.of());
        int before = sim.requestCount(TwitterSimulator.ROUTE_TWEETS, null);

        PlatformException e = pollFails(second, cursor, List.of());

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(RATE_LIMIT_WAIT);
        assertThat(e.getMessage()).contains("shared by the channels with this credential");
        assertThat(sim.requestCount(TwitterSimulator.ROUTE_TWEETS, null)).isEqualTo(before);
    }

    @Test
    void theProfileComesWithTheUserLookup() {
        sim.twitter().setProfile(sms, "SMS Sachsen", "Offizieller Kanal &amp; Presse", "https://pbs.twimg.com/a.jpg",
                "https://www.sms.sachsen.de");

        FetchResult result = poll(connector(), null);

        assertThat(result.profile().fields()).containsEntry("display_name", "SMS Sachsen")
                .containsEntry("note", "Offizieller Kanal & Presse").containsEntry("avatar", "https://pbs.twimg.com/a.jpg")
                .containsEntry("links", "https://www.sms.sachsen.de");
    }

    @Test
    void aLongPostComesWithItsFullTextAndExpandedLinks() {
        String longText = "Förderung ".repeat(30) + "https://www.sms.sachsen.de/foerderung";
        sim.twitter().publish(sms, longText, CLOCK.instant().minusSeconds(10));

        FetchResult result = poll(connector(), null);

        assertThat(result.posts()).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo(longText.strip());
            assertThat(p.links()).containsExactly("https://www.sms.sachsen.de/foerderung");
        });
    }

    @Test
    void aTimelineAnsweringOnlyErrorsFailsAsNotFoundInsteadOfLookingEmpty() {
        Connector connector = connector();
        String cursor = poll(connector, null).cursor();
        sim.twitter().deleteUser(sms);

        PlatformException e = pollFails(connector, cursor, List.of());

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains("answered only errors: Not Found Error: Could not find user with id: ["
                + sms.id() + "].");
    }
}
