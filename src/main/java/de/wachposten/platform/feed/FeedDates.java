package de.wachposten.platform.feed;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the dates feeds carry: RFC 3339 (Atom, {@code dc:date}, YouTube) and RFC 822 (RSS {@code pubDate}, also
 * with two-digit years, without weekday, or with the zone names RFC 822 allows such as {@code GMT}, {@code EST},
 * {@code Z}), and the common bad forms: German month and weekday names ({@code Fr, 08 Mär 2016}, {@code Okt},
 * {@code Dezember}), any weekday (it is ignored, also a wrong one), single-digit hours, zones as {@code +01:00}
 * or {@code MEZ}/{@code MESZ}, RFC 3339 with a space instead of {@code T}, and RFC 3339 without a zone (read as UTC).
 */
public final class FeedDates {
    private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"),
            Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"), Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"), Map.entry("CET", "+0100"), Map.entry("CEST", "+0200"),
            Map.entry("MEZ", "+0100"), Map.entry("MESZ", "+0200"));
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("d MMM uuuu H:mm[:ss] Z",
            Locale.ROOT);
    private static final DateTimeFormatter RFC_822_SHORT_YEAR = DateTimeFormatter.ofPattern(
            "d MMM yy H:mm[:ss] Z", Locale.ROOT);
    /** German month names and abbreviations (lower case) that differ from the English ones. */
    private static final Map<String, String> MONTHS = Map.ofEntries(Map.entry("januar", "Jan"),
            Map.entry("jän", "Jan"), Map.entry("jänner", "Jan"), Map.entry("februar", "Feb"), Map.entry("märz", "Mar"),
            Map.entry("mär", "Mar"), Map.entry("mrz", "Mar"), Map.entry("maerz", "Mar"), Map.entry("mai", "May"),
            Map.entry("juni", "Jun"), Map.entry("juli", "Jul"), Map.entry("okt", "Oct"), Map.entry("oktober", "Oct"),
            Map.entry("dez", "Dec"), Map.entry("dezember", "Dec"), Map.entry("sept", "Sep"),
            Map.entry("september", "Sep"), Map.entry("april", "Apr"), Map.entry("august", "Aug"),
            Map.entry("november", "Nov"), Map.entry("january", "Jan"), Map.entry("february", "Feb"),
            Map.entry("march", "Mar"), Map.entry("june", "Jun"), Map.entry("july", "Jul"),
            Map.entry("october", "Oct"), Map.entry("december", "Dec"));

    private FeedDates() {}

    /** The instant {@code text} names, or null when it is empty or in no known format. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.strip();
        String iso = v.replaceFirst("^(\\d{4}-\\d\\d-\\d\\d)[ tT]", "$1T").replaceFirst("[zZ]$", "Z")
                .replaceFirst(" ?([+-]\\d\\d):?(\\d\\d)$", "$1:$2");
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return rfc822(v);
            }
        }
    }

    private static Instant rfc822(String v) {
        String s = v.replaceAll("\\s+", " ").replaceFirst("^\\p{L}+\\.?,? (?=\\d)", "")
                .replaceFirst("([+-]\\d\\d):(\\d\\d)$", "$1$2");
        String[] parts = s.split(" ");
        if (parts.length > 1) {
            String month = MONTHS.get(parts[1].replace(".", "").toLowerCase(Locale.ROOT));
            if (month != null) {
                parts[1] = month;
                s = String.join(" ", parts);
            } else {
                parts[1] = parts[1].replace(".", "");
                s = String.join(" ", parts);
            }
        }
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
