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
    record ConnectorEnv(Vertx vertx, WebClient client, Clock clock) {}
}
