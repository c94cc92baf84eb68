package de.wachposten.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How reports write times (channel zone plus UTC) and durations. */
public final class ReportTimes {
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH);

    private final ZoneId zone;

    public ReportTimes(ZoneId zone) {
        this.zone = zone;
    }

    /** {@code Fri 2016-01-08 06:30:00 CET (05:30:00 UTC)}, or {@code —} for null. */
    public String full(Instant t) {
        if (t == null) {
            return "—";
        }
        return LOCAL.format(t.atZone(zone)) + " (" + CLOCK.format(t.atZone(ZoneOffset.UTC)) + " UTC)";
    }

    /** {@code 06:30:00} in the channel's zone. */
    public String clock(Instant t) {
        return t == null ? "—" : CLOCK.format(t.atZone(zone));
    }

    /** {@code 2016-01-08 05:30:00 UTC}. */
    public static String utc(Instant t) {
        return t == null ? "—" : UTC.format(t.atZone(ZoneOffset.UTC));
    }

    /** {@code 0.4 s}, {@code 12 s}, {@code 22 min 1 s}, {@code 3 h 5 min}, {@code 2 d 4 h}; {@code —} for null. */
    public static String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        String sign = d.isNegative() ? "-" : "";
        long s = Math.abs(d.toSeconds());
        if (s < 10) {
            long tenths = Math.abs(d.toMillis()) / 100;
            return sign + tenths / 10 + (tenths % 10 == 0 ? "" : "." + tenths % 10) + " s";
        }
        if (s < 60) {
            return sign + s + " s";
        }
        if (s < 3600) {
            return sign + s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        if (s < 86_400) {
            return sign + s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
        }
        return sign + s / 86_400 + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
    }

    public ZoneId zone() {
        return zone;
    }
}
