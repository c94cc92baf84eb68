package de.wachposten.alert.email;

import de.wachposten.alert.AckLinks;
import de.wachposten.alert.AlertText;
import de.wachposten.alert.Escape;
import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import java.util.Objects;

/**
 * The e-mail of an alert in one language: subject, plain-text part and HTML part. In the HTML part every string
 * that comes from a post or a detector is HTML-escaped; in the plain-text part nothing is rendered, so nothing needs
 * escaping.
 */
final class EmailTemplate {
    private final AlertText text;
    private final String officeName;
    private final AckLinks ackLinks;

    EmailTemplate(AlertText text, String officeName, AckLinks ackLinks) {
        this.text = Objects.requireNonNull(text, "text");
        this.officeName = Objects.requireNonNull(officeName, "officeName");
        this.ackLinks = ackLinks;
    }

    String subject(Alert a) {
        return text.subject(a).replaceAll("[\\r\\n]", " ");
    }

    String text(Alert a) {
        StringBuilder sb = new StringBuilder(text.headline(a)).append("\n\n");
        sb.append(text.timeLabel()).append(": ").append(text.published(a)).append('\n');
        sb.append(text.authorLabel()).append(": ").append(a.post().author()).append('\n');
        if (a.post().client() != null) {
            sb.append(text.clientLabel()).append(": ").append(a.post().client()).append('\n');
        }
        sb.append('\n').append(text.reasonsLabel()).append(":\n");
        for (Finding f : a.reasons()) {
            sb.append("- ").append(text.reason(f.code())).append(" (").append(f.code().code()).append(')');
            sb.append(f.detail().isEmpty() ? "" : ": " + f.detail()).append('\n');
        }
        sb.append('\n').append(text.postIntro()).append('\n');
        for (String line : a.post().text().split("\n", -1)) {
            sb.append("> ").append(line).append('\n');
        }
        if (a.post().url() != null) {
            sb.append('\n').append(text.openPost()).append(": ").append(a.post().url()).append('\n');
        }
        if (ackLinks != null && a.status() == de.wachposten.model.AlertStatus.OPEN) {
            sb.append('\n');
            for (AckLinks.Link l : ackLinks.links(a.id())) {
                sb.append(text.acknowledgeAs(l.resolution())).append(": ").append(l.url()).append('\n');
            }
        }
        sb.append("\nAlert: ").append(a.id()).append(" (rev. ").append(a.revision()).append(")\n");
        sb.append("-- \n").append(text.footer(officeName)).append('\n');
        return sb.toString();
    }

    String html(Alert a) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"").append(text.language())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(h(text.subject(a)))
                .append("</title></head><body>");
        sb.append("<h2>").append(h(text.headline(a))).append("</h2><table>");
        row(sb, text.timeLabel(), text.published(a));
        row(sb, text.authorLabel(), String.valueOf(a.post().author()));
        if (a.post().client() != null) {
            row(sb, text.clientLabel(), a.post().client());
        }
        sb.append("</table><h3>").append(h(text.reasonsLabel())).append("</h3><ul>");
        for (Finding f : a.reasons()) {
            sb.append("<li><b>").append(h(text.reason(f.code()))).append("</b> (<code>").append(h(f.code().code()))
                    .append("</code>)").append(f.detail().isEmpty() ? "" : ": " + h(f.detail())).append("</li>");
        }
        sb.append("</ul><p>").append(h(text.postIntro())).append("</p><blockquote style=\"white-space:pre-wrap\">")
                .append(h(a.post().text())).append("</blockquote>");
        if (a.post().url() != null) {
            sb.append("<p><a href=\"").append(h(a.post().url())).append("\">").append(h(text.openPost()))
                    .append("</a></p>");
        }
        if (ackLinks != null && a.status() == de.wachposten.model.AlertStatus.OPEN) {
            sb.append("<p>");
            for (AckLinks.Link l : ackLinks.links(a.id())) {
                sb.append("<a href=\"").append(h(l.url())).append("\">").append(h(text.acknowledgeAs(l.resolution())))
                        .append("</a><br>");
            }
            sb.append("</p>");
        }
        sb.append("<p style=\"color:#666\">Alert ").append(h(a.id())).append(" (rev. ").append(a.revision())
                .append(")<br>").append(h(text.footer(officeName))).append("</p></body></html>");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append("<tr><th align=\"left\">").append(h(label)).append("</th><td>").append(h(value))
                .append("</td></tr>");
    }

    private static String h(String s) {
        return Escape.html(s);
    }
}
