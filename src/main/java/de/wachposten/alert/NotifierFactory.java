package de.wachposten.alert;

import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;

/** Builds the notifier of one sink type. The daemon keeps an explicit type → factory map. */
@FunctionalInterface
public interface NotifierFactory {

    Notifier create(SinkConfig sink, Office office, NotifierEnv env);

    /**
     * What notifiers share.
     *
     * @param ackLinks signer of one-click acknowledgement links, or null when messages carry none
     */
    record NotifierEnv(Vertx vertx, WebClient client, Clock clock, Config config, AckLinks ackLinks) {
        /** Without acknowledgement links. */
        public NotifierEnv(Vertx vertx, WebClient client, Clock clock, Config config) {
            this(vertx, client, clock, config, null);
        }
    }
}
