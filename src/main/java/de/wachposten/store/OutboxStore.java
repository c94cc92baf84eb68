package de.wachposten.store;

import de.wachposten.model.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The part of the {@link Store} the delivery outbox uses. Blocking, like the whole store. */
public interface OutboxStore {

    Optional<Alert> alert(String id);

    /**
     * Outbox entries due at {@code now} (neither delivered nor dead), oldest first, claimed for this store handle:
     * while the claim lasts (10 s, renewed by each call), another handle on the same database (another instance)
     * is not handed them, so each attempt happens once. Recording the outcome ends the claim. This handle is handed
     * its own claimed entries again.
     */
    List<Delivery> dueDeliveries(Instant now, int limit);

    /**
     * Records a delivery as delivered. This and the other two outcomes throw {@link IllegalStateException} when the
     * entry is no longer pending: another attempt settled it meanwhile (after this handle's claim lapsed).
     */
    void deliverySucceeded(long deliveryId, Instant at);

    void deliveryRetry(long deliveryId, Instant nextAttemptAt, String error);

    /** Gives up on a delivery (dead letter), keeping the reason. */
    void deliveryDead(long deliveryId, Instant at, String error);

    /** Entries neither delivered nor dead. */
    long outboxBacklog();
}
