package de.wachposten.alert;

import de.wachposten.model.Alert;
import de.wachposten.store.Delivery;
import de.wachposten.store.OutboxStore;
import de.wachposten.store.StoreUnavailableException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable delivery loop: at-least-once delivery of every outbox entry to its sink, with retries.
 *
 * <p>A pass loads the due entries (on a worker; the store is blocking), skips those already in flight, and sends the
 * rest in parallel, at most {@value #MAX_IN_FLIGHT_PER_SINK} at a time per sink, so a slow or hanging sink delays
 * neither other sinks nor other alerts. Each outcome is written back before the entry leaves the in-flight set, so
 * an entry is never sent twice at once: delivered; retry after {@link RetryPolicy#nextWait}; or dead (not retryable,
 * older than {@link RetryPolicy#deadLetterAfter()}, alert missing, or sink no longer configured), logged once as a
 * WARN line naming alert, sink and reason. An outcome that cannot be written back (the store failed) leaves the entry
 * due and claimed by this instance, so it is sent again once the store answers: delivery is at least once, and the
 * sink may get that revision twice. An outcome that finds the entry settled already (its claim lapsed meanwhile and
 * another attempt delivered it) is logged at INFO and left as it is. Passes run every {@link #DEFAULT_INTERVAL} and on {@link #kick()}.
 *
 * <p>All state lives on one Vert.x context; the public methods may be called from any thread.
 */
public final class Outbox {
    /** Time between passes. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);
    /** Entries loaded per pass. */
    static final int BATCH = 1000;
    /** Parallel attempts per sink. */
    static final int MAX_IN_FLIGHT_PER_SINK = 16;
    /** Upper bound on one notifier call, in case a notifier never completes its future. */
    static final Duration SEND_GUARD = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** {@link #lastStoreError} while the store is unreachable. */
    private static final String STORE_UNREACHABLE = "store unreachable";

    private final Vertx vertx;
    private final OutboxStore store;
    private final Map<String, Notifier> notifiers;
    private final RetryPolicy policy;
    private final Clock clock;
    private final AlertMetrics metrics;
    private final RandomGenerator rnd;
    private final Duration interval;

    private final Set<Long> inFlight = new HashSet<>();
    private final Map<String, Integer> inFlightPerSink = new HashMap<>();
    private volatile Context context;
    private long timerId = -1;
    private boolean loading;
    private boolean passRequested;
    private boolean stopped;
    private Promise<Void> drained;
    private String lastStoreError;

    /**
     * @param notifiersBySinkKey notifier per {@code SinkConfig.key()}; their types are registered with {@code metrics}
     */
    public Outbox(Vertx vertx, OutboxStore store, Map<String, Notifier> notifiersBySinkKey, RetryPolicy policy,
                  Clock clock, AlertMetrics metrics) {
        this(vertx, store, notifiersBySinkKey, policy, clock, metrics, RandomGenerator.getDefault(), DEFAULT_INTERVAL);
    }

    /** As above, with the jitter source and the pass interval chosen (tests). */
    public Outbox(Vertx vertx, OutboxStore store, Map<String, Notifier> notifiersBySinkKey, RetryPolicy policy,
                  Clock clock, AlertMetrics metrics, RandomGenerator rnd, Duration interval) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.store = Objects.requireNonNull(store, "store");
        this.notifiers = Map.copyOf(notifiersBySinkKey);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.rnd = Objects.requireNonNull(rnd, "rnd");
        this.interval = Objects.requireNonNull(interval, "interval");
        notifiers.values().forEach(n -> metrics.registerSink(n.type()));
    }

    /** Starts the periodic passes and runs one now. */
    public synchronized void start() {
        if (context != null) {
            throw new IllegalStateException("the outbox is already started");
        }
        context = vertx.getOrCreateContext();
        timerId = vertx.setPeriodic(interval.toMillis(), id -> kick());
        kick();
    }

    /** Runs a pass as soon as possible (after new alerts were committed); a no-op before {@link #start()}. */
    public void kick() {
        Context c = context;
        if (c != null) {
            c.runOnContext(v -> pass());
        }
    }

    /**
     * Stops the passes. The future completes when the attempts in flight have been recorded, or after a short grace;
     * entries still in flight then stay due in the store and are sent after the next start.
     */
    public Future<Void> stop() {
        Context c = context;
        if (c == null) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        c.runOnContext(v -> {
            stopped = true;
            vertx.cancelTimer(timerId);
            if (inFlight.isEmpty()) {
                done.tryComplete();
            } else {
                drained = done;
                vertx.setTimer(STOP_GRACE.toMillis(), t -> done.tryComplete());
            }
        });
        return done.future();
    }

    private void pass() {
        if (stopped) {
            return;
        }
        if (loading) {
            passRequested = true;
            return;
        }
        loading = true;
        Instant now = clock.instant();
        vertx.executeBlocking(() -> store.dueDeliveries(now, BATCH))
                .onSuccess(this::dispatch)
                .onFailure(e -> storeTrouble("load the due deliveries", e))
                .onComplete(ar -> {
                    loading = false;
                    updateBacklog();
                    if (passRequested) {
                        passRequested = false;
                        pass();
                    }
                });
    }

    private void dispatch(List<Delivery> due) {
        lastStoreError = null;
        for (Delivery d : due) {
            if (stopped || inFlight.contains(d.id())) {
                continue;
            }
            Notifier n = notifiers.get(d.sinkKey());
            if (n == null) {
                claim(d);
                record(d, typeOf(d.sinkKey()), OutboxDecision.dead("sink " + d.sinkKey()
                        + " is no longer configured"), null);
            } else if (inFlightPerSink.getOrDefault(d.sinkKey(), 0) < MAX_IN_FLIGHT_PER_SINK) {
                claim(d);
                attempt(d, n);
            }
        }
    }

    private void attempt(Delivery d, Notifier n) {
        vertx.executeBlocking(() -> store.alert(d.alertId()))
                .onFailure(e -> {
                    storeTrouble("load alert " + d.alertId(), e);
                    release(d);
                })
                .onSuccess(found -> send(d, n, found));
    }

    private void send(Delivery d, Notifier n, Optional<Alert> found) {
        if (found.isEmpty()) {
            record(d, n.type(), OutboxDecision.dead("alert " + d.alertId() + " is not in the store"), null);
            return;
        }
        Alert alert = found.get();
        Future<Void> sent;
        try {
            sent = n.send(alert, d.revision()).timeout(SEND_GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        // a notifier's future may complete on another context (e.g. its HTTP client's); the outbox's state
        // (in-flight sets, ordered store calls) lives on its own context only, so the outcome is handled there
        Context home = context;
        sent.onComplete(ar -> home.runOnContext(v -> record(d, n.type(), ar.succeeded() ? OutboxDecision.delivered()
                : OutboxDecision.afterFailure(d, ar.cause(), clock.instant(), policy, rnd), alert)));
    }

    private void record(Delivery d, String type, OutboxDecision decision, Alert alert) {
        Instant now = clock.instant();
        vertx.executeBlocking(() -> {
                    switch (decision.kind()) {
                        case DELIVERED -> store.deliverySucceeded(d.id(), now);
                        case RETRY -> store.deliveryRetry(d.id(), decision.nextAttemptAt(), decision.reason());
                        case DEAD -> store.deliveryDead(d.id(), now, decision.reason());
                    }
                    return null;
                })
                .onSuccess(v -> recorded(d, type, decision, alert, now))
                .onFailure(e -> {
                    if (e instanceof IllegalStateException settled) {
                        // this instance's claim ran out (a pause, a slow send) and another instance settled the
                        // delivery meanwhile: this attempt was a repeat, which receivers recognise by its id
                        LOG.info("outbox: alert {} revision {} to sink {} was settled by another instance meanwhile"
                                + " ({}); this attempt was a repeat", d.alertId(), d.revision(), d.sinkKey(),
                                settled.getMessage());
                    } else {
                        storeTrouble("record the outcome of delivery " + d.id(), e);
                    }
                })
                .onComplete(ar -> release(d));
    }

    private void recorded(Delivery d, String type, OutboxDecision decision, Alert alert, Instant now) {
        switch (decision.kind()) {
            case DELIVERED -> {
                metrics.delivered(type);
                if (d.revision() == 1 && alert != null) {
                    metrics.timeToAlert(type, Duration.between(alert.post().publishedAt(), now));
                }
                LOG.debug("alert {} revision {} delivered to sink {}", d.alertId(), d.revision(), d.sinkKey());
            }
            case RETRY -> {
                metrics.retry(type);
                LOG.info("alert {} revision {} to sink {}: attempt {} failed, next attempt at {}: {}", d.alertId(),
                        d.revision(), d.sinkKey(), d.attempts() + 1, decision.nextAttemptAt(), decision.reason());
            }
            case DEAD -> {
                metrics.dead(type);
                LOG.warn("alert {} revision {} to sink {}: dead letter: {}", d.alertId(), d.revision(), d.sinkKey(),
                        decision.reason());
            }
        }
    }

    private void claim(Delivery d) {
        inFlight.add(d.id());
        inFlightPerSink.merge(d.sinkKey(), 1, Integer::sum);
    }

    private void release(Delivery d) {
        inFlight.remove(d.id());
        inFlightPerSink.computeIfPresent(d.sinkKey(), (k, v) -> v <= 1 ? null : v - 1);
        if (stopped && inFlight.isEmpty() && drained != null) {
            drained.tryComplete();
        }
    }

    private void updateBacklog() {
        vertx.executeBlocking(store::outboxBacklog)
                .onSuccess(metrics::backlog)
                .onFailure(e -> storeTrouble("count the outbox backlog", e));
    }

    /**
     * Logs a store failure once per distinct message, so a broken store does not flood the log every pass; while the
     * store is unreachable (it logs that itself) one WARN line says that deliveries wait.
     */
    private void storeTrouble(String what, Throwable e) {
        if (e instanceof StoreUnavailableException) {
            if (!STORE_UNREACHABLE.equals(lastStoreError)) {
                LOG.warn("outbox: the store is unreachable ({}: {}); deliveries wait for it, and those whose outcome"
                        + " could not be recorded are sent again", what, e.getMessage());
                lastStoreError = STORE_UNREACHABLE;
            }
            return;
        }
        String msg = "outbox: cannot " + what + ": " + e.getMessage();
        if (!msg.equals(lastStoreError)) {
            LOG.error(msg);
            lastStoreError = msg;
        }
    }

    /** The sink type of a key {@code office#index:type}, for the metric tag of a sink no longer configured. */
    static String typeOf(String sinkKey) {
        int colon = sinkKey.lastIndexOf(':');
        return colon >= 0 && colon < sinkKey.length() - 1 ? sinkKey.substring(colon + 1) : "unknown";
    }
}
