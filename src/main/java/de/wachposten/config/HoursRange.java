package de.wachposten.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One posting-hours range such as {@code "Mon-Fri 07:00-19:00"} or {@code "Sat,Sun 10:00-14:00"}: a set of weekdays and
 * a local time span [from, to). {@code 24:00} is accepted as the end of the day.
 */
public record HoursRange(Set<DayOfWeek> days, LocalTime from, LocalTime to, boolean toEndOfDay, String source) {
    private static final Pattern FORM = Pattern.compile("^\\s*([A-Za-z]{3}(?:\\s*[-,]\\s*[A-Za-z]{3})*)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*$");
    private static final String[] NAMES = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    public HoursRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no weekday");
        }
        if (!toEndOfDay && !to.isAfter(from)) {
            throw new IllegalArgumentException("end " + to + " is not after start " + from);
        }
    }

    /** True when the local day and time fall in this range. */
    public boolean contains(DayOfWeek day, LocalTime time) {
        return days.contains(day) && !time.isBefore(from) && (toEndOfDay || time.isBefore(to));
    }

    /**
     * Parses {@code "Mon-Fri 07:00-19:00"}; days as three-letter English abbreviations, ranges with {@code -}, lists
     * with {@code ,}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong
     */
    public static HoursRange parse(String s) {
        Matcher m = FORM.matcher(s == null ? "" : s);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad hours range '" + s + "' (expected e.g. \"Mon-Fri 07:00-19:00\")");
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : m.group(1).split(",")) {
            String[] ends = part.split("-");
            DayOfWeek a = day(ends[0].trim(), s);
            DayOfWeek b = ends.length > 1 ? day(ends[1].trim(), s) : a;
            for (DayOfWeek d = a; ; d = d.plus(1)) {
                days.add(d);
                if (d == b) {
                    break;
                }
            }
        }
        LocalTime from = time(m.group(2), s);
        boolean endOfDay = m.group(3).equals("24:00");
        LocalTime to = endOfDay ? LocalTime.MAX : time(m.group(3), s);
        try {
            return new HoursRange(days, from, to, endOfDay, s.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad hours range '" + s + "': " + e.getMessage());
        }
    }

    private static DayOfWeek day(String abbrev, String whole) {
        String a = abbrev.toLowerCase(Locale.ROOT);
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(a)) {
                return DayOfWeek.of(i + 1);
            }
        }
        throw new IllegalArgumentException("bad hours range '" + whole + "': unknown weekday '" + abbrev + "' (expected Mon, Tue, Wed, Thu, Fri, Sat or Sun)");
    }

    private static LocalTime time(String t, String whole) {
        try {
            String padded = t.length() == 4 ? "0" + t : t;
            return LocalTime.parse(padded);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad hours range '" + whole + "': invalid time '" + t + "'");
        }
    }

    /** Short English weekday name, e.g. {@code Fri}. */
    public static String shortName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
