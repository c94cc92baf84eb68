package de.wachposten.simulator.mastodon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The public profile of a simulated account.
 *
 * @param displayName display name
 * @param note        biography as plain text or HTML (plain text is rendered like a status)
 * @param avatar      avatar URL
 * @param header      header image URL
 * @param fields      profile fields, name to value, in display order
 */
public record SimProfile(String displayName, String note, String avatar, String header, Map<String, String> fields) {
    public SimProfile {
        Objects.requireNonNull(displayName, "displayName");
        note = note == null ? "" : note;
        avatar = avatar == null ? "" : avatar;
        header = header == null ? "" : header;
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
    }

    /** A copy with another display name. */
    public SimProfile withDisplayName(String value) {
        return new SimProfile(value, note, avatar, header, fields);
    }

    /** A copy with another note. */
    public SimProfile withNote(String value) {
        return new SimProfile(displayName, value, avatar, header, fields);
    }
}
