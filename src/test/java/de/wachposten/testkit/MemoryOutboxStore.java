package de.wachposten.testkit;

import de.wachposten.model.Alert;
import de.wachposten.store.Delivery;
import de.wachposten.store.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory {@link OutboxStore}: alerts by id and outbox rows with their state. Each retry and each dead letter
 * counts as an attempt ({@code attempts + 1}), as the real store does. Thread-safe (every method synchronized).
 */
public final class MemoryOutboxStore implements OutboxStore {

    /** State of an outbox row. */
    public enum State { PENDING, DELIVERED, DEAD }

    /** One outbox row as the test sees it. */
    public record Row(Delivery delivery, State state, Instant finishedAt) {}

    private final Map<String, Alert> alerts = new HashMap<>();
    private final Map<Long, Row> rows = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Instant defaultCreated;

    /** A store whose {@link #enqueue} stamps rows at {@code createdAt} (use the test clock's start). */
    public MemoryOutboxStore(Instant createdAt) {
        this.defaultCreated = createdAt;
    }

    /** Stores the alert (replacing an earlier revision) and one due outbox row per sink key; returns the row ids. */
    public synchronized List<Long> enqueue(Alert alert, String... sinkKeys) {
        return enqueue(alert, defaultCreated, sinkKeys);
    }

    /** As {@link #enqueue(Alert, String...)} with the rows created (and due) at {@code at}. */
    public synchronized List<Long> enqueue(Alert alert, Instant at, String... sinkKeys) {
        alerts.put(alert.id(), alert);
        List<Long> created = new ArrayList<>();
        for (String key : sinkKeys) {
            long id = ids.incrementAndGet();
            rows.put(id, new Row(new Delivery(id, alert.id(), alert.revision(), key, 0, at, at, null), State.PENDING, null));
            created.add(id);
        }
        return created;
    }

    /** Removes an alert while keeping its rows (a broken store state). */
    public synchronized void forgetAlert(String alertId) {
        alerts.remove(alertId);
    }

    /** The row with id {@code id}. */
    public synchronized Row row(long id) {
        Row r = rows.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no outbox row " + id);
        }
        return r;
    }

    /** All rows, by id. */
    public synchronized List<Row> rows() {
        return rows.values().stream().sorted(Comparator.comparingLong(r -> r.delivery().id())).toList();
    }

    @Override
    public synchronized Optional<Alert> alert(String id) {
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public synchronized List<Delivery> dueDeliveries(Instant now, int limit) {
        return rows.values().stream()
                .filter(r -> r.state() == State.PENDING && !r.delivery().nextAttemptAt().isAfter(now))
                .map(Row::delivery)
                .sorted(Comparator.comparing(Delivery::createdAt).thenComparingLong(Delivery::id))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void deliverySucceeded(long deliveryId, Instant at) {
        Delivery d = pending(deliveryId);
        rows.put(deliveryId, new Row(with(d, d.attempts() + 1, d.nextAttemptAt(), d.lastError()), State.DELIVERED, at));
    }

    @Override
    public synchronized void deliveryRetry(long deliveryId, Instant nextAttemptAt, String error) {
        Delivery d = pending(deliveryId);
        rows.put(deliveryId, new Row(with(d, d.attempts() + 1, nextAttemptAt, error), State.PENDING, null));
    }

    @Override
    public synchronized void deliveryDead(long deliveryId, Instant at, String error) {
        Delivery d = pending(deliveryId);
        rows.put(deliveryId, new Row(with(d, d.attempts() + 1, d.nextAttemptAt(), error), State.DEAD, at));
    }

    @Override
    public synchronized long outboxBacklog() {
        return rows.values().stream().filter(r -> r.state() == State.PENDING).count();
    }

    private Delivery pending(long id) {
        Row r = row(id);
        if (r.state() != State.PENDING) {
            throw new IllegalStateException("outbox row " + id + " is already " + r.state());
        }
        return r.delivery();
    }

    private static Delivery with(Delivery d, int attempts, Instant next, String error) {
        return new Delivery(d.id(), d.alertId(), d.revision(), d.sinkKey(), attempts, d.createdAt(), next, error);
    }
}
