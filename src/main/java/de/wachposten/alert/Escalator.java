package de.wachposten.alert;

import de.wachposten.config.Escalation;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts nobody acknowledged to the office's escalation contacts. Every {@code interval} it looks at the open
 * alerts of offices with an {@link Escalation} and asks the {@link AlertService} to escalate each: the store decides
 * atomically whether one is due ({@code after}, {@code repeat}) and the {@link AlertRouter} sends the new revision to
 * the escalation sinks, so a restart neither loses nor repeats an escalation. The outbox then delivers as usual.
 */
public final class Escalator {
    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);

    private final Vertx vertx;
    private final Store store;
    private final Map<String, Escalation> byOffice = new LinkedHashMap<>();
    private final Clock clock;
    private final AlertService alerts;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    /**
     * @param offices    every office; those without escalation are ignored
     * @param alerts     escalates each due alert
     * @param interval   how often open alerts are checked
     */
    public Escalator(Vertx vertx, Store store, List<Office> offices, Clock clock, AlertService alerts,
                     Duration interval) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.interval = Objects.requireNonNull(interval, "interval");
        for (Office o : offices) {
            if (o.escalation() != null) {
                byOffice.put(o.id(), o.escalation());
            }
        }
    }

    /** Whether any office escalates. */
    public boolean active() {
        return !byOffice.isEmpty();
    }

    /** Starts the periodic check (nothing when no office escalates). */
    public void start() {
        if (active() && timer < 0) {
            timer = vertx.setPeriodic(interval.toMillis(), id -> check());
        }
    }

    /** Stops the periodic check. */
    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** One check now, on a worker thread; completes with the number of alerts escalated. Skipped while one runs. */
    public Future<Integer> check() {
        if (!running.compareAndSet(false, true)) {
            return Future.succeededFuture(0);
        }
        Instant now = clock.instant();
        return vertx.executeBlocking(() -> escalateDue(now), false)
                .onFailure(e -> LOG.warn("escalation check failed: {}", e.getMessage()))
                .onComplete(x -> running.set(false));
    }

    /** Escalates every due open alert at {@code now}; blocking. */
    int escalateDue(Instant now) {
        int n = 0;
        for (Alert a : store.alerts(AlertStatus.OPEN, null)) {
            Escalation e = byOffice.get(a.officeId());
            if (e == null || now.isBefore(a.createdAt().plus(e.after()))) {
                continue;
            }
            if (alerts.escalate(a.id(), e.after(), e.repeat(), now).isPresent()) {
                n++;
                LOG.info("alert {} of office {} is unacknowledged after {}: escalated to {}", a.id(), a.officeId(),
                        e.after(), e.sinks().stream().map(SinkConfig::key).toList());
            }
        }
        return n;
    }
}
