package de.wachposten.store;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertChange;
import java.util.List;
import java.util.Set;

/**
 * Chooses the sinks that receive one revision of an alert. The store calls it inside the transaction that writes the
 * revision, with the alert as it is after the change and the sinks that already hold an earlier revision, and
 * enqueues one outbox entry per key it returns in that same transaction: the choice and the entries commit together.
 *
 * <p>Contract: pure and fast (no I/O); it must not call the store.
 */
@FunctionalInterface
public interface Recipients {

    /**
     * @param alert   the alert after the change (its new revision)
     * @param change  what the revision is
     * @param earlier keys of the sinks that were given an earlier revision of this alert
     * @return the sink keys that get this revision, without repeats
     */
    List<String> choose(Alert alert, AlertChange change, Set<String> earlier);

    /** Every revision to the same sinks, whatever the alert; for tools and tests that route nothing. */
    static Recipients fixed(List<String> sinkKeys) {
        List<String> keys = List.copyOf(sinkKeys);
        return (alert, change, earlier) -> keys;
    }

    /** No sink at all: the alert is kept and visible in the API only. */
    Recipients NONE = (alert, change, earlier) -> List.of();
}
