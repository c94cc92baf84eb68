package de.wachposten.alert;

import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertChange;
import de.wachposten.store.Recipients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place that decides which sinks get which revision of an alert, from the office config, each sink's
 * {@code min_severity} and what each sink has already received.
 *
 * <p>The rule: a sink receives revision N of an alert only if it received an earlier revision or now qualifies for the
 * alert. An office sink qualifies when the alert's severity reaches its {@code min_severity}; so an alert that rises to
 * {@code critical} reaches a critical-only sink with that revision, which carries every reason so far. An escalation
 * sink qualifies only for an {@link AlertChange#ESCALATED escalation} (and its {@code min_severity}); once it has one,
 * it hears of the alert's later revisions too (acknowledgement, resolution), like any sink that received the alert.
 * Sinks whose type this version cannot deliver to ({@code available}) get nothing.
 */
public final class AlertRouter implements Recipients {
    private final Map<String, Office> offices = new LinkedHashMap<>();
    private final Set<String> available;

    /**
     * @param offices   every configured office with its sinks and escalation
     * @param available keys of the sinks that have a notifier
     */
    public AlertRouter(List<Office> offices, Set<String> available) {
        offices.forEach(o -> this.offices.put(o.id(), o));
        this.available = Set.copyOf(Objects.requireNonNull(available, "available"));
    }

    @Override
    public List<String> choose(Alert alert, AlertChange change, Set<String> earlier) {
        Office office = offices.get(alert.officeId());
        if (office == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        boolean escalation = change == AlertChange.ESCALATED;
        if (!escalation) {
            for (SinkConfig sink : office.sinks()) {
                if (earlier.contains(sink.key()) || sink.receives(alert.severity())) {
                    keys.add(sink.key());
                }
            }
        }
        if (office.escalation() != null) {
            for (SinkConfig sink : office.escalation().sinks()) {
                if (earlier.contains(sink.key()) || (escalation && sink.receives(alert.severity()))) {
                    keys.add(sink.key());
                }
            }
        }
        keys.retainAll(available);
        return List.copyOf(keys);
    }

    /** The keys of an office's own sinks that have a notifier (its escalation contacts excluded). */
    public List<String> officeSinks(String officeId) {
        Office office = offices.get(officeId);
        return office == null ? List.of()
                : office.sinks().stream().map(SinkConfig::key).filter(available::contains).toList();
    }
}
