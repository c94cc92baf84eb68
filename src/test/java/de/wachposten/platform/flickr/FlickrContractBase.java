package de.wachposten.platform.flickr;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Policy;
import de.wachposten.config.Secret;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorContract;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.Fault;
import de.wachposten.simulator.PlatformSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The connector contract for one Flickr account, through the public feed or the REST API. */
abstract class FlickrContractBase extends ConnectorContract {
    static final String NSID = "12345678@N02";
    protected PlatformSimulator sim;
    private final AtomicLong minute = new AtomicLong();

    /** True: with api_key (REST API); false: the public feed. */
    abstract boolean withKey();

    @Override
    protected Future<Void> startPlatform(Vertx vertx, Clock clock) {
        sim = new PlatformSimulator(vertx, clock);
        return sim.start().map(s -> {
            sim.flickr().account(NSID, "Sächsische Staatskanzlei");
            sim.flickr().requireApiKey(SECRET);
            return null;
        });
    }

    @Override
    protected Future<Void> stopPlatform() {
        return sim.stop();
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        return new FlickrConnector(channel(URI.create(sim.baseUrl()), withKey() ? settings.secret() : null), env,
                HttpOptions.defaults().withTimeout(settings.timeout()).withMaxBodyBytes(settings.maxBodyBytes()));
    }

    static ChannelConfig channel(URI base, String key) {
        Map<String, Secret> credentials = key == null ? Map.of() : Map.of("api_key", Secret.of(key, "FLICKR_KEY"));
        return new ChannelConfig("sk-flickr", null, "flickr", NSID, "sk", base, credentials, Duration.ofMinutes(5),
                false, null, Policy.permissive(), List.of(), List.of(), 1);
    }

    @Override
    protected String publish(String text) {
        return sim.flickr().upload(NSID, text, "", CLOCK.instant().minus(Duration.ofDays(1))
                .plusSeconds(60 * minute.incrementAndGet()));
    }

    @Override
    protected void edit(String platformId, String newText) {
        sim.flickr().edit(platformId, newText, "", CLOCK.instant());
    }

    @Override
    protected void delete(String platformId) {
        sim.flickr().delete(platformId);
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
        sim.faults().inject(NSID, f, 1);
    }

    Instant at(int minutes) {
        return CLOCK.instant().minus(Duration.ofDays(2)).plusSeconds(60L * minutes);
    }
}
