package de.wachposten.store.jdbc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as stored: ISO-8601 UTC with nine fraction digits. The width is fixed, so the text order of two values is
 * their time order, and no precision is lost.
 */
final class Times {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    /** The stored text of {@code t}, or null. */
    static String text(Instant t) {
        return t == null ? null : FORMAT.format(t);
    }

    /** The instant of a stored text, or null. */
    static Instant parse(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
