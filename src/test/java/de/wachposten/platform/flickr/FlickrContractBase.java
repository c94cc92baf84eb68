package de.wachposten.platform.flickr;

import de.wachposten.config.ChannelConfig;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorContract;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.testkit.SimulatorFixture;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** The connector contract for one Flickr account, through the public feed or the REST API. */
abstract class FlickrContractBase extends ConnectorContract {
    static final String NSID = "12345678@N02";

    /** True: with api_key (REST API); false: the public feed. */
    abstract boolean withKey();

    @Override
    protected void createChannel(PlatformSimulator sim) {
        sim.flickr().account(NSID, "Sächsische Staatskanzlei");
        sim.flickr().requireApiKey(SECRET);
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        return new FlickrConnector(channel(fixture.baseUrl(), withKey() ? settings.secret() : null), env,
                settings.httpOptions());
    }

    static ChannelConfig channel(URI base, String key) {
        return SimulatorFixture.channel("sk-flickr", "flickr", NSID).office("sk").baseUrl(base)
                .credential("api_key", key, "FLICKR_KEY").pollInterval(Duration.ofMinutes(5)).build();
    }

    @Override
    protected String publish(String text) {
        return sim.flickr().upload(NSID, text, "", fixture.nextTime());
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
        sim.faults().inject(NSID, simulated(fault, settings, true), withKey() ? timesPastTheProfileRead(fault) : 1);
    }

    Instant at(int minutes) {
        return CLOCK.instant().minus(Duration.ofDays(2)).plusSeconds(60L * minutes);
    }
}
