package de.wachposten.report;

import java.util.Locale;

/** Output formats of {@code report}, each with its renderer. */
public enum ReportFormat {
    MD, HTML, JSON;

    /** Parses {@code md}, {@code html} or {@code json}. */
    public static ReportFormat parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReportException("unknown report format '" + s + "' (expected md, html or json)");
        }
    }

    /** Renders {@code r} in this format. */
    public String render(ChannelReport r) {
        return switch (this) {
            case MD -> MarkdownReport.render(r);
            case HTML -> HtmlReport.render(r);
            case JSON -> JsonReport.render(r);
        };
    }
}
