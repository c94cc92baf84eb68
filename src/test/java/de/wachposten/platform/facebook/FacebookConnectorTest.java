package de.wachposten.platform.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Policy;
import de.wachposten.config.Secret;
import de.wachposten.model.Post;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorContract;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.graph.GraphBudget;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.SimRequest;
import de.wachposten.simulator.meta.MetaSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The connector contract and Facebook specifics against the simulated Graph API. */
class FacebookConnectorTest extends ConnectorContract {
    private static final String PAGE = "104000000000000";
    private PlatformSimulator sim;
    private GraphBudget budget;
    private final AtomicLong minute = new AtomicLong();

    @Override
    protected Future<Void> startPlatform(Vertx vertx, Clock clock) {
        sim = new PlatformSimulator(vertx, clock);
        budget = new GraphBudget();
        return sim.start().map(s -> {
            sim.meta().account(PAGE, "Sächsisches Staatsministerium für Soziales", false);
            sim.meta().requireToken(SECRET);
            return null;
        });
    }

    @Override
    protected Future<Void> stopPlatform() {
        return sim.stop();
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        return new FacebookConnector(channel("sms-facebook", PAGE, settings.secret()), env, HttpOptions.defaults()
                .withTimeout(settings.timeout()).withMaxBodyBytes(settings.maxBodyBytes()), new GraphBudget());
    }

    private ChannelConfig channel(String id, String page, String token) {
        return new ChannelConfig(id, null, "facebook", page, "sms", URI.create(sim.baseUrl()),
                Map.of("access_token", Secret.of(token, "SMS_FB_TOKEN")), Duration.ofMinutes(1), false, null,
                Policy.permissive(), List.of(), List.of(), 1);
    }

    @Override
    protected String publish(String text) {
        return sim.meta().publish(PAGE, text, nextTime(), "Meta Business Suite");
    }

    private Instant nextTime() {
        return CLOCK.instant().minus(Duration.ofDays(1)).plusSeconds(60 * minute.incrementAndGet());
    }

    @Override
    protected void edit(String platformId, String newText) {
        sim.meta().edit(platformId, newText, CLOCK.instant());
    }

    @Override
    protected void delete(String platformId) {
        sim.meta().delete(platformId);
    }

    @Override
    protected void inject(ContractFault fault, Settings settings) {
        Fault f = switch (fault) {
            case RATE_LIMITED -> Fault.rateLimited(RATE_LIMIT_WAIT, true);
            case SERVER_ERROR -> Fault.HTTP_500;
            case MALFORMED_JSON -> Fault.MALFORMED_JSON;
            case TRUNCATED_JSON -> Fault.TRUNCATED_JSON;
            case HUGE_BODY -> Fault.huge(settings.maxBodyBytes() * 4);
            case SLOW -> Fault.slow(settings.timeout().multipliedBy(20));
        };
        sim.faults().inject(PAGE, f, 1);
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
        ChannelConfig none = new ChannelConfig("sms-facebook", null, "facebook", PAGE, "sms", null, Map.of(),
                Duration.ofMinutes(1), false, null, Policy.permissive(), List.of(), List.of(), 1);

        assertThatThrownBy(() -> FacebookConnector.FACTORY.create(none, env)).isInstanceOf(PlatformException.class)
                .hasMessage("facebook channel sms-facebook: credential access_token is required");
    }
}
