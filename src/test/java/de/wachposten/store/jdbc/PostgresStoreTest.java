package de.wachposten.store.jdbc;

import de.wachposten.store.Store;
import de.wachposten.store.StoreContract;
import de.wachposten.testkit.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;

/** The store contract on a real PostgreSQL database, a fresh one per test. */
class PostgresStoreTest extends StoreContract {
    private String url;

    @Override
    protected Store newStore(Path dir, Clock clock) {
        url = PostgresServer.get().createDatabase();
        return reopen(dir, clock);
    }

    @Override
    protected Store reopen(Path dir, Clock clock) {
        return PostgresStore.open(PostgresOptions.of(url, PostgresServer.USER, null), false, clock);
    }
}
