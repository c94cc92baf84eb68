package de.wachposten.alert;

import de.wachposten.config.Escalation;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.schedule.Job;
import de.wachposten.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts nobody acknowledged to the office's escalation contacts. Its {@link #job} looks at the open alerts of
 * offices with an {@link Escalation} and asks the store to escalate each ({@link Store#escalate}): the store decides
 * atomically whether one is due ({@code after}, {@code repeat}) and enqueues the new revision for the escalation
 * sinks, so a restart neither loses nor repeats an escalation. The outbox then delivers as usual.
 */
public final class Escalator {
    /** The name of the escalation job. */
    public static final String JOB = "escalation";
    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);

    private final Store store;
    private final Map<String, Escalation> byOffice = new LinkedHashMap<>();
    private final Runnable outboxKick;

    /**
     * @param offices    every office; those without escalation are ignored
     * @param outboxKick called after an escalation was enqueued
     */
    public Escalator(Store store, List<Office> offices, Runnable outboxKick) {
        this.store = Objects.requireNonNull(store, "store");
        this.outboxKick = Objects.requireNonNull(outboxKick, "outboxKick");
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

    /** The periodic check as the job {@value #JOB}: escalates what is due and kicks the outbox when it did. */
    public Job job(Duration every) {
        return new Job(JOB, every, now -> {
            int n = escalateDue(now);
            if (n > 0) {
                outboxKick.run();
            }
            return n;
        });
    }

    /** Escalates every due open alert at {@code now}; blocking. */
    int escalateDue(Instant now) {
        int n = 0;
        for (Alert a : store.alerts(AlertStatus.OPEN, null)) {
            Escalation e = byOffice.get(a.officeId());
            if (e == null || now.isBefore(a.createdAt().plus(e.after()))) {
                continue;
            }
            List<String> keys = e.sinks().stream().map(SinkConfig::key).toList();
            if (store.escalate(a.id(), e.after(), e.repeat(), keys, now).isPresent()) {
                n++;
                LOG.info("alert {} of office {} is unacknowledged after {}: escalated to {}", a.id(), a.officeId(),
                        e.after(), keys);
            }
        }
        return n;
    }
}
