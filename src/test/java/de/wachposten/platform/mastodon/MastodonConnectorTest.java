package de.wachposten.platform.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Secret;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorContract;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.simulator.mastodon.SimAccount;
import de.wachposten.simulator.mastodon.SimProfile;
import de.wachposten.testkit.SimulatorFixture;
import io.vertx.core.Future;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The connector contract and Mastodon specifics, against the simulator over HTTP. */
class MastodonConnectorTest extends ConnectorContract {
    private SimAccount presse;

    @Override
    protected void createChannel(PlatformSimulator sim) {
        presse = sim.mastodon().account("presse", "Pressestelle");
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        return connector(env, settings, MastodonOptions.defaults(), "presse@127.0.0.1");
    }

    private Connector connector(ConnectorEnv env, Settings settings, MastodonOptions base, String account) {
        MastodonOptions options = base.withTimeout(settings.timeout()).withMaxBodyBytes(settings.maxBodyBytes());
        return new MastodonConnector(channel(account, fixture.baseUrl(), settings.secret()), env, options);
    }

    static ChannelConfig channel(String account, URI baseUrl, String token) {
        return SimulatorFixture.channel("sms-mastodon", "mastodon", account).name("SMS Mastodon").baseUrl(baseUrl)
                .credential("access_token", token, "SMS_TOKEN").build();
    }

    @Override
    protected String publish(String text) {
        return sim.mastodon().publish(presse, text, fixture.nextTime(), "Web");
    }

    @Override
    protected void edit(String platformId, String newText) {
        sim.mastodon().edit(platformId, newText, CLOCK.instant());
    }

    @Override
    protected void delete(String platformId) {
        sim.mastodon().delete(platformId);
    }

    @Override
    protected void inject(ContractFault fault, Settings settings) {
        sim.faults().inject("presse", simulated(fault, settings, false), 1);
    }

    private int statusesRequests() {
        return sim.faults().requestCount(MastodonSimulator.ROUTE_STATUSES, "presse");
    }

    // --- Mastodon specifics ------------------------------------------------------------------------------------------

    @Test
    void catchingUpPagesForwardWithMinIdFromTheCursorAndStopsOnAShortPage() {
        Connector connector = connector();
        String cursor = poll(connector, null).cursor();
        List<String> fresh = publishMany(95, "Flut");
        sim.faults().clearRequests();

        poll(connector, cursor);

        assertThat(sim.faults().requests()).extracting(SimRequest::uri).containsExactly(
                "/api/v1/accounts/" + presse.id() + "/statuses?limit=40&min_id=" + cursor,
                "/api/v1/accounts/" + presse.id() + "/statuses?limit=40&min_id=" + fresh.get(39),
                "/api/v1/accounts/" + presse.id() + "/statuses?limit=40&min_id=" + fresh.get(79));
    }

    @Test
    void pageCapReturnsWhatWasReadAndTheNextPollContinuesWithoutAGap() {
        Connector connector = connector(env, Settings.defaults(), MastodonOptions.defaults().withMaxPages(2),
                "presse");
        String cursor = poll(connector, null).cursor();
        List<String> fresh = publishMany(95, "Flut");

        FetchResult capped = poll(connector, cursor);
        FetchResult rest = poll(connector, capped.cursor());

        assertThat(ids(capped)).containsExactlyElementsOf(fresh.subList(0, 80));
        assertThat(capped.cursor()).isEqualTo(fresh.get(79));
        assertThat(ids(rest)).containsExactlyElementsOf(fresh.subList(80, 95));
    }

    @Test
    void accountIsLookedUpOnceByItsLocalNameWithTheBearerToken() {
        Connector connector = connector();
        String cursor = poll(connector, null).cursor();
        poll(connector, cursor);

        List<SimRequest> lookups = sim.faults().requests().stream()
                .filter(r -> r.route().equals(MastodonSimulator.ROUTE_LOOKUP)).toList();
        assertThat(lookups).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/api/v1/accounts/lookup?acct=presse");
            assertThat(r.authorization()).isEqualTo("Bearer " + SECRET);
        });
    }

    @Test
    void accountOnAnotherInstanceIsLookedUpByItsFullAcctAndIsNotFoundHere() {
        Connector connector = connector(env, Settings.defaults(), MastodonOptions.defaults(), "presse@other.example");

        PlatformException e = pollFails(connector, null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(sim.faults().requests()).extracting(SimRequest::uri)
                .containsExactly("/api/v1/accounts/lookup?acct=presse%40other.example");
    }

    @Test
    void notFoundOnTheStatusesOfACachedAccountLeadsToOneNewLookup() {
        Connector connector = connector();
        String cursor = poll(connector, null).cursor();
        String id = publish("nach dem Umzug");
        sim.faults().inject("presse", Fault.status(404), 1);

        FetchResult result = poll(connector, cursor);

        assertThat(ids(result)).containsExactly(id);
        assertThat(sim.faults().requestCount(MastodonSimulator.ROUTE_LOOKUP, "presse")).isEqualTo(2);
    }

    @ParameterizedTest(name = "HTTP {0} fails as {1}")
    @CsvSource({"401, AUTH", "403, AUTH", "404, NOT_FOUND", "410, NOT_FOUND", "422, CLIENT_ERROR",
        "502, SERVER_ERROR", "503, SERVER_ERROR"})
    void httpStatusesFailWithTheirReason(int status, Reason reason) {
        sim.faults().inject("presse", Fault.status(status), 1);

        PlatformException e = pollFails(connector(), null, List.of());

        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).startsWith("poll mastodon channel sms-mastodon: HTTP " + status);
    }

    @Test
    void retryAfterHeaderWinsOverTheRateLimitReset() {
        sim.faults().inject("presse", Fault.rateLimited(Duration.ofSeconds(120), true), 1);

        PlatformException e = pollFails(connector(), null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(e.getMessage()).isEqualTo("poll mastodon channel sms-mastodon: HTTP 429 on GET "
                + "/api/v1/accounts/lookup?acct=presse (Too many requests), retry in 120 s");
    }

    @Test
    void htmlErrorPageWithStatus200FailsAsMalformed() {
        sim.faults().inject("presse", Fault.HTML_ERROR_PAGE, 1);

        PlatformException e = pollFails(connector(), null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("malformed JSON at line 1").contains("text/html");
    }

    @Test
    void hangingServerFailsAsTimeout() {
        sim.faults().inject("presse", Fault.HANG, 1);
        Connector connector = connector(env, new Settings(SECRET, Duration.ofMillis(300), 1024 * 1024));

        assertThat(pollFails(connector, null, List.of()).reason()).isEqualTo(Reason.TIMEOUT);
    }

    @Test
    void aHangingChannelDoesNotHoldUpAnotherChannel() {
        SimAccount polizei = sim.mastodon().account("polizei", "Polizei");
        String other = sim.mastodon().publish(polizei, "Verkehrsmeldung", fixture.nextTime(), "Web");
        sim.faults().inject("presse", Fault.HANG, 1);
        Connector hanging = connector(env, new Settings(SECRET, Duration.ofSeconds(5), 1024 * 1024));
        Connector working = connector(env, Settings.defaults(), MastodonOptions.defaults(), "polizei");

        Future<FetchResult> stuck = fetchOnEventLoop(hanging, null, List.of());
        FetchResult result = poll(working, null);

        assertThat(ids(result)).containsExactly(other);
        assertThat(stuck.isComplete()).isFalse();
    }

    @Test
    void unreachableInstanceFailsAsNetwork() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Connector connector = new MastodonConnector(channel("presse", URI.create("http://127.0.0.1:" + closedPort),
                SECRET), env, MastodonOptions.defaults());

        PlatformException e = pollFails(connector, null, List.of());

        assertThat(e.reason()).isEqualTo(Reason.NETWORK);
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void nearlyExhaustedRateLimitSetsTheMinimumDelayUntilTheReset() {
        sim.mastodon().setRateLimit(300, 3, CLOCK.instant().plusSeconds(90));

        FetchResult result = poll(connector(), null);

        assertThat(result.minDelay()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void plentyOfRateLimitLeftSetsNoMinimumDelay() {
        assertThat(poll(connector(), null).minDelay()).isNull();
    }

    @Test
    void profileComesFromTheAccount() {
        sim.mastodon().setProfile(presse, new SimProfile("Pressestelle SMS", "Offizieller Kanal\nder Pressestelle",
                "https://files.example/a.png", "https://files.example/h.png", Map.of("Web", "https://sms.example")));

        FetchResult result = poll(connector(), null);

        assertThat(result.profile().fields()).containsEntry("display_name", "Pressestelle SMS")
                .containsEntry("note", "Offizieller Kanal\nder Pressestelle")
                .containsEntry("avatar", "https://files.example/a.png")
                .containsEntry("header", "https://files.example/h.png")
                .containsEntry("fields", "Web: https://sms.example");
    }

    @Test
    void boostIsMappedAsRetweetOfTheOriginalText() {
        SimAccount polizei = sim.mastodon().account("polizei", "Polizei");
        String original = sim.mastodon().publish(polizei, "Achtung Glätte", fixture.nextTime(), "Web");
        String boost = sim.mastodon().boost(presse, original, fixture.nextTime(), "Web");

        FetchResult result = poll(connector(), null);

        assertThat(result.posts()).singleElement().satisfies(p -> {
            assertThat(p.platformId()).isEqualTo(boost);
            assertThat(p.text()).isEqualTo("RT @polizei: Achtung Glätte");
        });
    }

    @Test
    void editAndDeleteSweepRunsOnlyEveryNthPoll() {
        String id = publish("Beitrag");
        Connector connector = connector(env, Settings.defaults(), MastodonOptions.defaults().withSweepEvery(3),
                "presse");
        String cursor = poll(connector, null, List.of(id)).cursor();
        sim.mastodon().delete(id);

        FetchResult second = poll(connector, cursor, List.of(id));
        FetchResult third = poll(connector, cursor, List.of(id));
        FetchResult fourth = poll(connector, cursor, List.of(id));

        assertThat(second.deletedIds()).isEmpty();
        assertThat(third.deletedIds()).isEmpty();
        assertThat(fourth.deletedIds()).containsExactly(id);
    }

    @Test
    void sweepChecksOnlyKnownIdsInsideTheRangeOfAFullNewestPage() {
        List<String> all = publishMany(45, "Beitrag");
        Connector connector = connector();
        String cursor = poll(connector, null).cursor();
        sim.mastodon().delete(all.get(0));
        sim.mastodon().delete(all.get(44));

        FetchResult result = poll(connector, cursor, List.of(all.get(44), all.get(43), all.get(0)));

        assertThat(result.deletedIds()).containsExactly(all.get(44));
        assertThat(sim.faults().requestCount(MastodonSimulator.ROUTE_STATUS, "presse")).isEqualTo(1);
        assertThat(ids(result)).containsExactly(all.get(43));
    }

    @Test
    void factoryRejectsAChannelWithoutBaseUrl() {
        PlatformException e = org.junit.jupiter.api.Assertions.assertThrows(PlatformException.class,
                () -> MastodonConnector.FACTORY.create(channel("presse", null, null), env));

        assertThat(e.reason()).isEqualTo(Reason.CONFIG);
        assertThat(e.getMessage()).contains("sms-mastodon").contains("base_url");
    }

    @Test
    void factoryRejectsAnUnsetAccessTokenNamingOnlyTheVariable() {
        ChannelConfig unset = SimulatorFixture.channel("sms-mastodon", "mastodon", "presse").baseUrl(fixture.baseUrl())
                .credential("access_token", Secret.unset("SMS_TOKEN")).build();

        PlatformException e = org.junit.jupiter.api.Assertions.assertThrows(PlatformException.class,
                () -> MastodonConnector.FACTORY.create(unset, env));

        assertThat(e.reason()).isEqualTo(Reason.CONFIG);
        assertThat(e.getMessage()).contains("SMS_TOKEN");
    }

    @Test
    void statusesCountedPerPollStayLowWithoutNewPosts() {
        Connector connector = connector();
        String cursor = poll(connector, null).cursor();
        int before = statusesRequests();

        poll(connector, cursor);

        assertThat(statusesRequests() - before).isEqualTo(1);
    }
}
