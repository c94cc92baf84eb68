package de.wachposten.testkit;

import de.wachposten.model.Alert;
import de.wachposten.store.OutboxStore;
import de.wachposten.store.OutboxStoreContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The in-memory outbox store of the outbox tests keeps the contract the SQLite store keeps. */
class MemoryOutboxStoreTest extends OutboxStoreContract {

    @Override
    protected OutboxStore newStore(Path dir) {
        return new MemoryOutboxStore(T0);
    }

    @Override
    protected List<Long> enqueue(Alert alert, Instant at, String... sinkKeys) {
        return ((MemoryOutboxStore) store).enqueue(alert, at, sinkKeys);
    }
}
