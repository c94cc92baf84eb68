package de.wachposten.platform.rss;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Policy;
import de.wachposten.config.Secret;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorContract;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.rss.RssSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The connector contract for a feed behind Basic auth, in one of the two formats. */
abstract class RssContractBase extends ConnectorContract {
    static final String FEED = "presse";
    protected PlatformSimulator sim;
    private final AtomicLong minute = new AtomicLong();

    /** The format the simulator serves. */
    abstract RssSimulator.Format format();

    @Override
    protected Future<Void> startPlatform(Vertx vertx, Clock clock) {
        sim = new PlatformSimulator(vertx, clock);
        return sim.start().map(s -> {
            sim.rss().feed(FEED, "Medienservice Sachsen", format());
            sim.rss().requireBasicAuth(FEED, "leser", SECRET);
            return null;
        });
    }

    @Override
    protected Future<Void> stopPlatform() {
        return sim.stop();
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        HttpOptions options = HttpOptions.defaults().withTimeout(settings.timeout())
                .withMaxBodyBytes(settings.maxBodyBytes());
        return new RssConnector(channel(sim.rss().url(FEED), "leser", settings.secret()), env, options);
    }

    static ChannelConfig channel(String url, String user, String password) {
        Map<String, Secret> credentials = user == null ? Map.of()
                : Map.of("username", Secret.of(user, "FEED_USER"), "password", Secret.of(password, "FEED_PASSWORD"));
        return new ChannelConfig("smi-feed", "Medienservice", "rss", url, "smi", null, credentials,
                Duration.ofMinutes(1), false, null, Policy.permissive(), List.of(), List.of(), 1);
    }

    @Override
    protected String publish(String text) {
        return sim.rss().publish(FEED, "", text, nextTime());
    }

    Instant nextTime() {
        return CLOCK.instant().minus(Duration.ofDays(1)).plusSeconds(60 * minute.incrementAndGet());
    }

    @Override
    protected void edit(String platformId, String newText) {
        sim.rss().edit(platformId, newText, CLOCK.instant());
    }

    @Override
    protected void delete(String platformId) {
        sim.rss().delete(platformId);
    }

    @Override
    protected String malformedWording() {
        return "malformed XML at";
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
        sim.faults().inject(FEED, f, 1);
    }
}
