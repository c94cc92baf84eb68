package de.wachposten.approval.plan;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV editorial plan (RFC 4180: comma separated, fields in double quotes may hold commas, line breaks and
 * doubled quotes; UTF-8). The first record names the columns, in any order: {@code channel}, {@code not_before},
 * {@code not_after}, {@code drafted_by}, {@code approved_by} (optional), {@code text}. Times are ISO-8601 instants
 * ({@code 2016-01-08T09:00:00Z}) or empty.
 */
public final class CsvPlan {
    static final List<String> COLUMNS = List.of("channel", "not_before", "not_after", "drafted_by", "approved_by",
            "text");

    private record Record(int line, List<String> fields) {}

    private CsvPlan() {}

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
        List<String> broken = new ArrayList<>();
        List<Record> records = records(file, content.startsWith("\uFEFF") ? content.substring(1) : content, broken);
        if (records.isEmpty()) {
            broken.add(file + ":1: empty plan (expected a header: " + String.join(",", COLUMNS) + ")");
        }
        if (!broken.isEmpty()) {
            throw new PlanException(broken);
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String h : header) {
            if (!COLUMNS.contains(h)) {
                broken.add(file + ":1: unknown column '" + h + "' (expected: " + String.join(",", COLUMNS) + ")");
            }
        }
        for (String required : List.of("channel", "drafted_by", "text")) {
            if (!header.contains(required)) {
                broken.add(file + ":1: missing column '" + required + "'");
            }
        }
        if (!broken.isEmpty()) {
            throw new PlanException(broken);
        }
        List<PlanRow> rows = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.fields().size() == 1 && r.fields().get(0).isBlank()) {
                continue;
            }
            if (r.fields().size() != header.size()) {
                errors.add(file + ":" + r.line() + ": " + r.fields().size() + " fields, the header has " + header.size());
                continue;
            }
            rows.add(row(file, r, header, errors));
        }
        return rows;
    }

    private static PlanRow row(String file, Record r, List<String> header, List<String> errors) {
        String[] v = new String[COLUMNS.size()];
        for (int i = 0; i < header.size(); i++) {
            v[COLUMNS.indexOf(header.get(i))] = r.fields().get(i).isBlank() ? null : r.fields().get(i).strip();
        }
        return new PlanRow(r.line(), v[0], instant(file, r.line(), "not_before", v[1], errors),
                instant(file, r.line(), "not_after", v[2], errors), v[3], v[4],
                r.fields().get(header.indexOf("text")));
    }

    private static Instant instant(String file, int line, String column, String v, List<String> errors) {
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(file + ":" + line + ": " + column + " '" + v + "' is not an ISO-8601 instant");
            return null;
        }
    }

    /** Splits into records per RFC 4180, remembering the line each record starts at. */
    private static List<Record> records(String file, String s, List<String> errors) {
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                out.add(new Record(start, List.copyOf(fields)));
                fields.clear();
                any = false;
                line++;
                start = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            errors.add(file + ":" + start + ": quoted field not closed");
        }
        if (any) {
            fields.add(field.toString());
            out.add(new Record(start, List.copyOf(fields)));
        }
        return out;
    }
}
