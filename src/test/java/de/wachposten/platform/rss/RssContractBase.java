package de.wachposten.platform.rss;

import de.wachposten.config.ChannelConfig;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorContract;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.simulator.rss.RssSimulator;
import de.wachposten.testkit.SimulatorFixture;

/** The connector contract for a feed behind Basic auth, in one of the two formats. */
abstract class RssContractBase extends ConnectorContract {
    static final String FEED = "presse";

    /** The format the simulator serves. */
    abstract RssSimulator.Format format();

    @Override
    protected void createChannel(PlatformSimulator sim) {
        sim.rss().feed(FEED, "Medienservice Sachsen", format());
        sim.rss().requireBasicAuth(FEED, "leser", SECRET);
    }

    @Override
    protected Connector connector(ConnectorEnv env, Settings settings) {
        return new RssConnector(channel(sim.rss().url(FEED), "leser", settings.secret()), env, settings.httpOptions());
    }

    static ChannelConfig channel(String url, String user, String password) {
        return SimulatorFixture.channel("smi-feed", "rss", url).name("Medienservice").office("smi")
                .credential("username", user, "FEED_USER").credential("password", password, "FEED_PASSWORD").build();
    }

    @Override
    protected String publish(String text) {
        return sim.rss().publish(FEED, "", text, fixture.nextTime());
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
        sim.faults().inject(FEED, simulated(fault, settings, true), 1);
    }
}
