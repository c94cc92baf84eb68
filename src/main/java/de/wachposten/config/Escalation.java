package de.wachposten.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An office's escalation: an alert still open {@code after} its creation goes to the escalation {@code sinks}; while it
 * stays open, reminders follow, never more often than every {@code repeat} (null: no reminders).
 *
 * @param after  time an alert may stay unacknowledged
 * @param repeat least time between two escalations of one alert, or null for a single escalation
 * @param sinks  the escalation contacts, as sinks; their keys are {@code <office>/escalation#<index>:<type>}
 */
public record Escalation(Duration after, Duration repeat, List<SinkConfig> sinks) {
    public Escalation {
        Objects.requireNonNull(after, "after");
        sinks = List.copyOf(sinks);
    }
}
