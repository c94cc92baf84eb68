package de.wachposten.platform.youtube;

import de.wachposten.config.ChannelConfig;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorContract;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.testkit.SimulatorFixture;
import java.net.URI;
import java.time.Duration;

/** The connector contract for one YouTube channel, through the channel feed or the Data API v3. */
abstract class YouTubeContractBase extends ConnectorContract {
    static final String CHANNEL = "UCexampleChannelId000000";

    /** The channel's title on the simulator. */
    abstract String title();

    /** True: with api_key (Data API v3), which the simulator then requires; false: the channel feed. */
    abstract boolean withKey();

    @Override
    protected void createChannel(PlatformSimulator sim) {
        sim.youtube().channel(CHANNEL, title());
        if (withKey()) {
            sim.youtube().requireApiKey(SECRET);
        }
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        return new YouTubeConnector(channel(CHANNEL, fixture.baseUrl(), withKey() ? settings.secret() : null), env,
                settings.httpOptions());
    }

    static ChannelConfig channel(String account, URI base, String key) {
        return SimulatorFixture.channel("smk-youtube", "youtube", account).office("smk").baseUrl(base)
                .credential("api_key", key, "YT_KEY").pollInterval(Duration.ofMinutes(5)).build();
    }

    @Override
    protected String publish(String text) {
        return sim.youtube().publish(CHANNEL, text, "", fixture.nextTime());
    }

    @Override
    protected void edit(String platformId, String newText) {
        sim.youtube().edit(platformId, newText, "", CLOCK.instant());
    }

    @Override
    protected void delete(String platformId) {
        sim.youtube().delete(platformId);
    }

    @Override
    protected void inject(ContractFault fault, Settings settings) {
        sim.faults().inject(CHANNEL, simulated(fault, settings, true), withKey() ? timesPastTheProfileRead(fault) : 1);
    }
}
