package de.wachposten.config;

import java.util.List;
import java.util.Objects;

/**
 * A press office or unit that owns channels and receives their alerts.
 *
 * @param id       stable id
 * @param name     display name
 * @param language {@code de} or {@code en}, for alert texts
 * @param sinks      where its alerts go
 * @param escalation where unacknowledged alerts go after a while, or null
 */
public record Office(String id, String name, String language, List<SinkConfig> sinks, Escalation escalation) {
    /** An office without escalation. */
    public Office(String id, String name, String language, List<SinkConfig> sinks) {
        this(id, name, language, sinks, null);
    }

    public Office {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        language = language == null ? "de" : language;
        sinks = List.copyOf(sinks);
    }
}
