package de.wachposten.platform.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the dates feeds carry: RFC 3339 (Atom, {@code dc:date}, YouTube) and RFC 822 (RSS {@code pubDate}, also
 * with two-digit years, without weekday, or with the zone names RFC 822 allows such as {@code GMT}, {@code EST},
 * {@code Z}).
 */
public final class FeedDates {
    private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"),
            Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"), Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"), Map.entry("CET", "+0100"), Map.entry("CEST", "+0200"),
            Map.entry("MEZ", "+0100"), Map.entry("MESZ", "+0200"));
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("[EEE, ]d MMM uuuu HH:mm[:ss] Z",
            Locale.ROOT);
    private static final DateTimeFormatter RFC_822_SHORT_YEAR = DateTimeFormatter.ofPattern(
            "[EEE, ]d MMM yy HH:mm[:ss] Z", Locale.ROOT);

    private FeedDates() {}

    /** The instant {@code text} names, or null when it is empty or in no known format. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.strip();
        try {
            return OffsetDateTime.parse(v.replace(' ', 'T').replaceFirst("(?i)t", "T").replaceFirst("z$", "Z"))
                    .toInstant();
        } catch (DateTimeParseException e) {
            return rfc822(v);
        }
    }

    private static Instant rfc822(String v) {
        String s = v.replaceAll("\\s+", " ");
        int space = s.lastIndexOf(' ');
        if (space > 0) {
            String zone = s.substring(space + 1).toUpperCase(Locale.ROOT);
            if (ZONES.containsKey(zone)) {
                s = s.substring(0, space + 1) + ZONES.get(zone);
            }
        }
        s = capitalise(s);
        for (DateTimeFormatter f : new DateTimeFormatter[] {RFC_822, RFC_822_SHORT_YEAR}) {
            try {
                return ZonedDateTime.parse(s, f).toInstant();
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    /** "fri, 08 JAN 2016" → "Fri, 08 Jan 2016": the month and day names as the formatter spells them. */
    private static String capitalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(Character.isLetter(c) ? (start ? Character.toUpperCase(c) : Character.toLowerCase(c)) : c);
            start = !Character.isLetter(c);
        }
        return out.toString().replace(" +", " +").replace(" -", " -");
    }
}
