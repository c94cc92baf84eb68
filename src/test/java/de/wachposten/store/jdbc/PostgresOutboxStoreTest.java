package de.wachposten.store.jdbc;

import de.wachposten.model.Alert;
import de.wachposten.store.OutboxStore;
import de.wachposten.store.OutboxStoreContract;
import de.wachposten.store.Recipients;
import de.wachposten.store.StoredPost;
import de.wachposten.testkit.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The outbox contract on the PostgreSQL store; entries come from detection, as in the daemon. */
class PostgresOutboxStoreTest extends OutboxStoreContract {

    @Override
    protected OutboxStore newStore(Path dir) {
        return PostgresStore.open(PostgresOptions.of(PostgresServer.get().createDatabase(), PostgresServer.USER, null),
                false, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Override
    protected List<Long> enqueue(Alert alert, Instant at, String... sinkKeys) {
        JdbcStore pg = (JdbcStore) store;
        StoredPost version = pg.ingest(alert.channelId(), List.of(alert.post()), List.of(), null, false, at).getFirst();
        pg.commitDetection(version, alert.reasons(), null, alert.officeId(), Recipients.fixed(List.of(sinkKeys)), at);
        return pg.deliveries(alert.id()).stream().map(d -> ((Number) d.get("id")).longValue()).toList();
    }
}
