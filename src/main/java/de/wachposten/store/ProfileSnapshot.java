package de.wachposten.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The profile of a channel's account as last seen.
 *
 * @param revision 1 for the first profile seen, then one more for each change
 * @param fields   profile fields by name ({@code display_name}, {@code note}, {@code avatar}, {@code header},
 *                 {@code links}…), as the connector reported them
 * @param seenAt   when this revision was first seen
 */
public record ProfileSnapshot(int revision, Map<String, String> fields, Instant seenAt) {
    public ProfileSnapshot {
        if (revision < 1) {
            throw new IllegalArgumentException("revision starts at 1: " + revision);
        }
        fields = Map.copyOf(fields);
        Objects.requireNonNull(seenAt, "seenAt");
    }
}
