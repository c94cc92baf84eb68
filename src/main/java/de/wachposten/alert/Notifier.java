package de.wachposten.alert;

import de.wachposten.model.Alert;
import io.vertx.core.Future;

/**
 * Sends alerts to one configured sink.
 *
 * <p>Failure contract: the future fails with {@link DeliveryException} saying whether a retry can succeed. The
 * notifier does not retry by itself; the outbox owns retries. It must use {@code alert.id()} (with the revision) as
 * the idempotency key the sink understands.
 */
public interface Notifier {

    /** The sink type, e.g. {@code webhook}; used as the metric tag. */
    String type();

    /** Delivers revision {@code revision} of {@code alert}. */
    Future<Void> send(Alert alert, int revision);
}
