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
     * Records a delivery as delivered.
     *
     * @throws IllegalStateException naming its state when the delivery is no longer pending (another instance
     *                               settled it after this one's claim ran out); nothing is written then
     */
    void deliverySucceeded(long deliveryId, Instant at);

    /**
     * Records a failed attempt and when to try again.
     *
     * @throws IllegalStateException naming its state when the delivery is no longer pending
     */
    void deliveryRetry(long deliveryId, Instant nextAttemptAt, String error);

    /**
     * Gives up on a delivery (dead letter), keeping the reason.
     *
     * @throws IllegalStateException naming its state when the delivery is no longer pending
     */
    void deliveryDead(long deliveryId, Instant at, String error);

    /** Entries neither delivered nor dead. */
    long outboxBacklog();
}
