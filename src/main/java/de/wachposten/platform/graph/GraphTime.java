package de.wachposten.platform.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Meta timestamps: {@code 2019-05-17T16:24:04+0000}, an offset without colon (also accepted: RFC 3339). */
public final class GraphTime {
    private static final DateTimeFormatter META = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private GraphTime() {}

    /** The instant, or null when {@code text} is empty or unreadable. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip(), META).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** {@code t} as Meta writes it. */
    public static String format(Instant t) {
        return META.format(t.atOffset(java.time.ZoneOffset.UTC));
    }
}
