package de.wachposten.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A channel's status from its policy: {@code active}, {@code dormant} (any post is suspicious) or {@code until
 * YYYY-MM-DD} (a time-limited channel; posts after that date are suspicious).
 */
public record ChannelStatus(Kind kind, LocalDate until) {
    public enum Kind { ACTIVE, DORMANT, UNTIL }

    public static final ChannelStatus ACTIVE = new ChannelStatus(Kind.ACTIVE, null);
    public static final ChannelStatus DORMANT = new ChannelStatus(Kind.DORMANT, null);

    public ChannelStatus {
        if ((kind == Kind.UNTIL) != (until != null)) {
            throw new IllegalArgumentException("an end date goes with 'until' only");
        }
    }

    /** Parses {@code active}, {@code dormant} or {@code until 2016-12-31}. */
    public static ChannelStatus parse(String s) {
        String v = s == null ? "" : s.trim();
        if (v.equals("active")) {
            return ACTIVE;
        }
        if (v.equals("dormant")) {
            return DORMANT;
        }
        if (v.startsWith("until ")) {
            try {
                return new ChannelStatus(Kind.UNTIL, LocalDate.parse(v.substring(6).trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("bad status '" + s + "': date must be YYYY-MM-DD");
            }
        }
        throw new IllegalArgumentException("bad status '" + s + "' (expected active, dormant or until YYYY-MM-DD)");
    }

    @Override
    public String toString() {
        return kind == Kind.UNTIL ? "until " + until : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
