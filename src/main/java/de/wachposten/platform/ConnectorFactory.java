package de.wachposten.platform;

import de.wachposten.config.ChannelConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;

/** Builds the connector of one platform for a channel. The daemon keeps an explicit name → factory map. */
@FunctionalInterface
public interface ConnectorFactory {

    /** @throws PlatformException with reason CONFIG when the channel's settings cannot work for this platform */
    Connector create(ChannelConfig channel, ConnectorEnv env);

    /** What connectors share: the Vert.x instance, one HTTP client, and the clock. */
    /**
     * What connectors share on one daemon.
     *
     * @param sharers how many instances spend the platforms' rate budgets now (the live instances on one store; 1
     *                for a single daemon): each instance spends only its share of what a response says is left
     */
    record ConnectorEnv(Vertx vertx, WebClient client, Clock clock, java.util.function.IntSupplier sharers) {
        /** A single daemon's environment: it spends the whole budget. */
        public ConnectorEnv(Vertx vertx, WebClient client, Clock clock) {
            this(vertx, client, clock, () -> 1);
        }
    }
}
