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
 * offices with an {@link Escalation} and asks the {@link AlertService} to escalate each: the store decides atomically
 * whether one is due ({@code after}, {@code repeat}) and the {@link AlertRouter} sends the new revision to the
 * escalation sinks, so a restart neither loses nor repeats an escalation. The outbox then delivers as usual.
 */
public final class Escalator {
    /** The name of the escalation job. */
    public static final String JOB = "escalation";
    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);

    private final Store store;
    private final Map<String, Escalation> byOffice = new LinkedHashMap<>();
    private final AlertService alerts;

    /**
     * @param store   lists the open alerts
     * @param offices every office; those without escalation are ignored
     * @param alerts  escalates each due alert (its listeners wake the outbox)
     */
    public Escalator(Store store, List<Office> offices, AlertService alerts) {
        this.store = Objects.requireNonNull(store, "store");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
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

    /** The periodic check as the job {@value #JOB}: escalates what is due. */
    public Job job(Duration every) {
        return new Job(JOB, every, this::escalateDue);
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
