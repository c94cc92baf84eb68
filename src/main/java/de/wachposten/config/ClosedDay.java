package de.wachposten.config;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An extra day on which a channel does not post (policy key {@code closed_days}): every year on a month and day
 * ({@code "12-24"}), or once on a full date ({@code "2026-12-28"}).
 *
 * @param monthDay the yearly day, or null for a single date
 * @param date     the single date, or null for a yearly day
 * @param source   the text as configured
 */
public record ClosedDay(MonthDay monthDay, LocalDate date, String source) {

    public ClosedDay {
        if ((monthDay == null) == (date == null)) {
            throw new IllegalArgumentException("a closed day is either a month and day or a full date");
        }
        Objects.requireNonNull(source, "source");
    }

    /** True when {@code day} is this closed day. */
    public boolean matches(LocalDate day) {
        return date != null ? date.equals(day) : monthDay.equals(MonthDay.from(day));
    }

    /**
     * Parses {@code MM-DD} or {@code YYYY-MM-DD}.
     *
     * @throws IllegalArgumentException naming the text and the expected forms
     */
    public static ClosedDay parse(String s) {
        String t = s == null ? "" : s.trim();
        try {
            if (t.matches("\\d{2}-\\d{2}")) {
                return new ClosedDay(MonthDay.parse("--" + t), null, t);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return new ClosedDay(null, LocalDate.parse(t), t);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad closed day '" + s + "' (expected MM-DD such as 12-24, or a date such as 2026-12-28)");
    }
}
