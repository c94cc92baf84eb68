package de.wachposten.report;

import de.wachposten.model.Approval;
import de.wachposten.model.Post;
import de.wachposten.store.StoredPost;
import java.util.List;

/** A self-contained HTML page. Every piece of text not written here (posts, approvals, ids) is HTML-escaped. */
final class HtmlReport {
    private HtmlReport() {}

    static String render(ChannelReport r) {
        ReportTimes t = new ReportTimes(r.zone());
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Incident review: ")
                .append(esc(r.channelId())).append("</title>\n<style>body{font-family:sans-serif;max-width:72em;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .4em;vertical-align:top}"
                        + "th{text-align:left}.deleted{color:#a00}</style></head><body>\n");
        b.append("<h1>Incident review: ").append(esc(r.channelName())).append(" (").append(esc(r.channelId()))
                .append(")</h1>\n<ul>\n");
        item(b, "Channel", r.platform() + " account " + r.account() + ", press office " + r.officeId());
        item(b, "Safeguards", r.policy());
        item(b, "Span", t.full(r.from()) + " to " + t.full(r.to()));
        item(b, "Times", r.zone() + ", UTC in brackets; generated " + ReportTimes.utc(r.generatedAt()));
        b.append("</ul>\n<h2>Summary</h2>\n<p>").append(esc(MarkdownReport.counts(r))).append("</p>\n");
        for (Incident i : r.incidents()) {
            b.append("<h3>").append(esc(Summary.heading(i))).append("</h3>\n<p>").append(esc(Summary.narrative(i, t)))
                    .append("</p>\n<ul>\n");
            Summary.lines(i, t).forEach(l -> item(b, l.label(), l.text()));
            b.append("</ul>\n");
        }
        b.append("<h2>Timeline</h2>\n<table><tr><th>").append(esc(r.zone().getId()))
                .append("</th><th>UTC</th><th>Event</th><th>Post</th><th>Details</th></tr>\n");
        for (ReportEvent e : r.timeline()) {
            b.append("<tr><td>").append(esc(t.full(e.at()).replaceFirst(" \\(.*", ""))).append("</td><td>")
                    .append(esc(ReportTimes.utc(e.at()).substring(11))).append("</td><td>").append(esc(e.kind().label()))
                    .append("</td><td>").append(esc(e.postKey())).append("</td><td>").append(esc(e.text()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Posts (every version)</h2>\n");
        for (List<StoredPost> versions : r.posts()) {
            b.append("<h3>").append(esc(versions.getFirst().key())).append("</h3>\n<ol>\n");
            for (StoredPost v : versions) {
                Post p = v.post();
                if (v.deletedAt() != null) {
                    b.append("<li class=\"deleted\">deleted: found gone ").append(esc(t.full(v.deletedAt())))
                            .append("</li>\n");
                } else {
                    b.append("<li>seen ").append(esc(t.full(p.seenAt()))).append(", published ")
                            .append(esc(t.full(p.publishedAt()))).append(", client ").append(esc(p.client()))
                            .append(":<blockquote>").append(esc(p.text())).append("</blockquote></li>\n");
                }
            }
            b.append("</ol>\n");
        }
        b.append("<h2>Approvals</h2>\n<ul>\n");
        for (Approval a : r.approvals()) {
            item(b, a.id(), "drafted by " + a.draftedBy() + ", approved by " + a.approvedBy() + " at "
                    + t.full(a.createdAt()) + ", window " + t.full(a.notBefore()) + " to " + t.full(a.notAfter()) + ", "
                    + MarkdownReport.state(a, t) + ": \"" + a.text() + "\"");
        }
        return b.append("</ul>\n</body></html>\n").toString();
    }

    private static void item(StringBuilder b, String label, String text) {
        b.append("<li><strong>").append(esc(label)).append(":</strong> ").append(esc(text)).append("</li>\n");
    }

    /** Escapes {@code & < > " '}. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
