package de.wachposten.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Alert;
import de.wachposten.testkit.TestAlerts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviour every {@link OutboxStore} shows, the real store and the outbox tests' in-memory one alike. An
 * implementation's test extends this class and says how to open a store and how to put entries into it.
 */
public abstract class OutboxStoreContract {
    protected static final Instant T0 = Instant.parse("2016-01-08T05:30:21Z");
    private static final Instant LATER = T0.plusSeconds(86_400);

    @TempDir
    protected Path dir;
    protected OutboxStore store;

    /** A new, empty store kept in {@code dir}. */
    protected abstract OutboxStore newStore(Path dir);

    /** Stores {@code alert} and one entry per sink key, created and due at {@code at}; returns the entry ids. */
    protected abstract List<Long> enqueue(Alert alert, Instant at, String... sinkKeys);

    @BeforeEach
    void open() {
        store = newStore(dir);
    }

    @AfterEach
    void close() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }

    @Test
    void dueEntriesComeOldestFirstUpToTheLimit() {
        List<Long> first = enqueue(TestAlerts.alert("1"), T0, "sms-presse#0:webhook", "sms-presse#1:email");
        List<Long> second = enqueue(TestAlerts.alert("2"), T0.plusSeconds(1), "sms-presse#0:webhook");

        assertThat(store.dueDeliveries(T0, 10)).extracting(Delivery::id).containsExactlyElementsOf(first);
        assertThat(store.dueDeliveries(T0.plusSeconds(1), 10)).extracting(Delivery::id)
                .containsExactly(first.get(0), first.get(1), second.get(0));
        assertThat(store.dueDeliveries(T0.plusSeconds(1), 2)).extracting(Delivery::id).containsExactlyElementsOf(first);
        Delivery d = store.dueDeliveries(T0, 1).getFirst();
        assertThat(d.alertId()).isEqualTo(TestAlerts.alert("1").id());
        assertThat(d.revision()).isEqualTo(1);
        assertThat(d.sinkKey()).isEqualTo("sms-presse#0:webhook");
        assertThat(d.attempts()).isZero();
        assertThat(d.lastError()).isNull();
        assertThat(store.outboxBacklog()).isEqualTo(3);
    }

    @Test
    void aRetriedEntryIsDueAgainAtItsNextAttemptWithItsError() {
        long id = enqueue(TestAlerts.alert("1"), T0, "sms-presse#0:webhook").getFirst();

        store.deliveryRetry(id, T0.plusSeconds(60), "HTTP 503");

        assertThat(store.dueDeliveries(T0.plusSeconds(59), 10)).isEmpty();
        Delivery d = store.dueDeliveries(T0.plusSeconds(60), 10).getFirst();
        assertThat(d.id()).isEqualTo(id);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.lastError()).isEqualTo("HTTP 503");
        assertThat(store.outboxBacklog()).isEqualTo(1);
    }

    @Test
    void aDeliveredOrDeadEntryIsNeverDueAgainAndLeavesTheBacklog() {
        List<Long> ids = enqueue(TestAlerts.alert("1"), T0, "sms-presse#0:webhook", "sms-presse#1:email");

        store.deliverySucceeded(ids.get(0), T0.plusSeconds(1));
        store.deliveryDead(ids.get(1), T0.plusSeconds(2), "HTTP 410");

        assertThat(store.dueDeliveries(LATER, 10)).isEmpty();
        assertThat(store.outboxBacklog()).isZero();
        assertThatThrownBy(() -> store.deliveryRetry(ids.get(0), LATER, "again"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theAlertOfAnEntryCanBeRead() {
        Alert alert = TestAlerts.alert("1");
        enqueue(alert, T0, "sms-presse#0:webhook");

        assertThat(store.alert(alert.id())).hasValueSatisfying(a -> {
            assertThat(a.revision()).isEqualTo(1);
            assertThat(a.reasons()).isEqualTo(alert.reasons());
        });
        assertThat(store.alert("a-0000000000000000")).isEmpty();
    }
}
