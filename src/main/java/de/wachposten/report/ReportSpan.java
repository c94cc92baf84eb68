package de.wachposten.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How the ends of a report's span are written: by the {@code report} command and the console's {@code /report}. */
public final class ReportSpan {
    private ReportSpan() {}

    /**
     * Reads an instant ({@code 2016-01-08T05:30:00Z}), an offset date-time, or a local date-time or date in
     * {@code zone} ({@code 2016-01-08T06:30}, {@code 2016-01-08}).
     *
     * @throws ReportException naming {@code option} when {@code s} is none of these
     */
    public static Instant parse(String option, String s, ZoneId zone) {
        try {
            if (s.endsWith("Z") || s.endsWith("z")) {
                return Instant.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(zone).toInstant();
            }
            if (s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(s).toInstant();
            }
            return LocalDateTime.parse(s).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ReportException(option + " '" + s + "' is not a time (expected e.g. 2016-01-08T05:30:00Z, "
                    + "2016-01-08T06:30 in the channel's zone, or 2016-01-08)");
        }
    }
}
