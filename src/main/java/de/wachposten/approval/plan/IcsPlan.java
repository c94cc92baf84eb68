package de.wachposten.approval.plan;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an iCalendar editorial plan (RFC 5545): one approval per {@code VEVENT}.
 *
 * <ul>
 *   <li>text: {@code DESCRIPTION}, or {@code SUMMARY} when there is no description;</li>
 *   <li>window: {@code DTSTART} to {@code DTEND} (UTC {@code …Z}, local time with {@code TZID}, floating times and
 *       whole days ({@code VALUE=DATE}) in {@code Europe/Berlin}; no {@code DTEND}: open end);</li>
 *   <li>channel: {@code X-WACHPOSTEN-CHANNEL}, else the first of {@code CATEGORIES};</li>
 *   <li>drafter: {@code X-WACHPOSTEN-DRAFTED-BY};</li>
 *   <li>approver: {@code X-WACHPOSTEN-APPROVED-BY}, else the {@code CN} of {@code ORGANIZER}, else the importer's
 *       choice (CLI {@code --approver}; via the API always the caller).</li>
 * </ul>
 * Lines are unfolded, text values unescaped ({@code \n}, {@code \,}, {@code \;}, {@code \\}).
 */
public final class IcsPlan {
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private record Line(int number, String name, Map<String, String> params, String value) {}

    private IcsPlan() {}

    /** The rows of {@code content}; every problem as {@code file:line: message} in a {@link PlanException}. */
    public static List<PlanRow> parse(String file, String content) {
        List<String> errors = new ArrayList<>();
        List<PlanRow> rows = parse(file, content, errors);
        if (!errors.isEmpty()) {
            throw new PlanException(errors);
        }
        return rows;
    }

    /**
     * The rows of {@code content}, adding problems of single fields to {@code errors} (their rows are still returned,
     * the bad field null) so that a caller can report them together with its own checks; a file whose structure is
     * broken throws {@link PlanException}.
     */
    public static List<PlanRow> parse(String file, String content, List<String> errors) {
        List<PlanRow> rows = new ArrayList<>();
        Map<String, Line> event = null;
        int begin = 0;
        for (Line l : unfold(content)) {
            if (l.name().equals("BEGIN") && l.value().equalsIgnoreCase("VEVENT")) {
                event = new HashMap<>();
                begin = l.number();
            } else if (l.name().equals("END") && l.value().equalsIgnoreCase("VEVENT") && event != null) {
                rows.add(row(file, begin, event, errors));
                event = null;
            } else if (event != null) {
                event.putIfAbsent(l.name(), l);
            }
        }
        if (rows.isEmpty()) {
            throw new PlanException(List.of(file + ":1: no VEVENT in the calendar"));
        }
        return rows;
    }

    private static PlanRow row(String file, int begin, Map<String, Line> e, List<String> errors) {
        Line text = e.containsKey("DESCRIPTION") ? e.get("DESCRIPTION") : e.get("SUMMARY");
        String channel = value(e, "X-WACHPOSTEN-CHANNEL");
        if (channel == null && e.containsKey("CATEGORIES")) {
            channel = e.get("CATEGORIES").value().split(",")[0].strip();
        }
        String approver = value(e, "X-WACHPOSTEN-APPROVED-BY");
        if (approver == null && e.containsKey("ORGANIZER")) {
            approver = e.get("ORGANIZER").params().get("CN");
        }
        return new PlanRow(begin, channel, time(file, e.get("DTSTART"), errors), time(file, e.get("DTEND"), errors),
                value(e, "X-WACHPOSTEN-DRAFTED-BY"), approver, text == null ? null : unescape(text.value()));
    }

    private static String value(Map<String, Line> e, String name) {
        Line l = e.get(name);
        return l == null || l.value().isBlank() ? null : unescape(l.value()).strip();
    }

    private static Instant time(String file, Line l, List<String> errors) {
        if (l == null) {
            return null;
        }
        String v = l.value().strip();
        try {
            if (v.endsWith("Z")) {
                return LocalDateTime.parse(v.substring(0, v.length() - 1), LOCAL).toInstant(ZoneOffset.UTC);
            }
            ZoneId zone = l.params().containsKey("TZID") ? ZoneId.of(l.params().get("TZID")) : DEFAULT_ZONE;
            if (v.length() == 8) {
                return LocalDate.parse(v, DAY).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(v, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            errors.add(file + ":" + l.number() + ": " + l.name() + " '" + v + "' is not an iCalendar date or time");
            return null;
        }
    }

    /** Unfolds continuation lines and splits {@code NAME;PARAM=V:value}. */
    private static List<Line> unfold(String content) {
        List<Line> out = new ArrayList<>();
        String[] raw = content.split("\r?\n", -1);
        StringBuilder cur = null;
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i];
            if (cur != null && (s.startsWith(" ") || s.startsWith("\t"))) {
                cur.append(s, 1, s.length());
                continue;
            }
            if (cur != null) {
                out.add(split(start, cur.toString()));
            }
            cur = s.isBlank() ? null : new StringBuilder(s);
            start = i + 1;
        }
        if (cur != null) {
            out.add(split(start, cur.toString()));
        }
        return out;
    }

    private static Line split(int number, String s) {
        int colon = valueStart(s);
        String head = colon < 0 ? s : s.substring(0, colon);
        String value = colon < 0 ? "" : s.substring(colon + 1);
        String[] parts = head.split(";");
        Map<String, String> params = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                params.put(parts[i].substring(0, eq).toUpperCase(Locale.ROOT),
                        parts[i].substring(eq + 1).replace("\"", ""));
            }
        }
        return new Line(number, parts[0].strip().toUpperCase(Locale.ROOT), params, value);
    }

    /** The colon that ends the name and parameters (colons inside quoted parameter values do not count). */
    private static int valueStart(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                out.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
