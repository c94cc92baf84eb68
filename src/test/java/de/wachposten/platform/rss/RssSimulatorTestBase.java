package de.wachposten.platform.rss;

import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.http.HttpOptions;
import de.wachposten.simulator.PlatformSimulator;
import de.wachposten.testkit.SimulatorFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** RSS tests outside the contract: the simulator on a fixed clock, a connector for a feed URL, one poll. */
abstract class RssSimulatorTestBase {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-08T05:30:00Z"), ZoneOffset.UTC);
    SimulatorFixture fixture;
    ConnectorEnv env;
    PlatformSimulator sim;

    @BeforeEach
    void startSimulator() throws Exception {
        fixture = SimulatorFixture.start(CLOCK);
        env = fixture.env();
        sim = fixture.sim();
    }

    @AfterEach
    void stopSimulator() throws Exception {
        fixture.close();
    }

    Connector connector(String url) {
        return new RssConnector(RssContractBase.channel(url, null, null), env, HttpOptions.defaults());
    }

    FetchResult poll(Connector c, String cursor) {
        try {
            return c.fetch(cursor, List.of()).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
