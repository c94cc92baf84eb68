package de.wachposten.report;

import java.util.List;

/**
 * The sentences of a report for a screen (the console's {@code /report}): the same words the md, html and json
 * renderings use. Plain text; post text appears verbatim and must be escaped by whoever shows it.
 */
public final class ReportText {
    private ReportText() {}

    /** One alerted post: its heading, what happened in a paragraph, and its facts as {@code label: text}. */
    public record IncidentText(String heading, String narrative, List<String> lines) {}

    /** {@code 3 posts, 1 alerted post, 2 approvals in the span.} */
    public static String counts(ChannelReport r) {
        return MarkdownReport.counts(r);
    }

    /** Every incident of {@code r}, oldest first. */
    public static List<IncidentText> incidents(ChannelReport r) {
        ReportTimes t = new ReportTimes(r.zone());
        return r.incidents().stream().map(i -> new IncidentText(Summary.heading(i), Summary.narrative(i, t),
                Summary.lines(i, t).stream().map(l -> l.label() + ": " + l.text()).toList())).toList();
    }

    /** The span as {@code Fri 2016-01-08 00:00:00 CET (23:00:00 UTC) to …}. */
    public static String span(ChannelReport r) {
        ReportTimes t = new ReportTimes(r.zone());
        return t.full(r.from()) + " to " + t.full(r.to());
    }

    /** The time of an event in the report's zone, as the html rendering writes it. */
    public static String time(ChannelReport r, ReportEvent e) {
        return new ReportTimes(r.zone()).full(e.at());
    }
}
