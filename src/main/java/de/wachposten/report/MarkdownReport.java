package de.wachposten.report;

import de.wachposten.model.Approval;
import de.wachposten.model.Post;
import de.wachposten.store.StoredPost;
import java.util.List;

/**
 * Markdown rendering. Text from posts and approvals is escaped for Markdown viewers that render HTML: {@code < > &}
 * become entities, table cells have {@code |} and line breaks escaped.
 */
final class MarkdownReport {
    private MarkdownReport() {}

    static String render(ChannelReport r) {
        ReportTimes t = new ReportTimes(r.zone());
        StringBuilder b = new StringBuilder();
        b.append("# Incident review: ").append(esc(r.channelName())).append(" (").append(esc(r.channelId())).append(")\n\n");
        b.append("- **Channel:** ").append(esc(r.platform())).append(" account ").append(esc(r.account()))
                .append(", press office ").append(esc(r.officeId())).append('\n');
        b.append("- **Safeguards:** ").append(esc(r.policy())).append('\n');
        b.append("- **Span:** ").append(t.full(r.from())).append(" to ").append(t.full(r.to())).append('\n');
        b.append("- **Times:** ").append(r.zone()).append(", UTC in brackets; generated ")
                .append(ReportTimes.utc(r.generatedAt())).append("\n\n");
        b.append("## Summary\n\n").append(counts(r)).append("\n\n");
        for (Incident i : r.incidents()) {
            b.append("### ").append(esc(Summary.heading(i))).append("\n\n").append(esc(Summary.narrative(i, t)))
                    .append("\n\n");
            for (Summary.Line l : Summary.lines(i, t)) {
                b.append("- **").append(l.label()).append(":** ").append(esc(l.text())).append('\n');
            }
            b.append('\n');
        }
        b.append("## Timeline\n\n| ").append(r.zone()).append(" | UTC | Event | Post | Details |\n|---|---|---|---|---|\n");
        for (ReportEvent e : r.timeline()) {
            b.append("| ").append(t.full(e.at()).replaceFirst(" \\(.*", "")).append(" | ")
                    .append(ReportTimes.utc(e.at()).substring(11)).append(" | ").append(e.kind().label()).append(" | ")
                    .append(e.postKey() == null ? "" : cell(e.postKey())).append(" | ").append(cell(e.text()))
                    .append(" |\n");
        }
        b.append("\n## Posts (every version)\n\n");
        for (List<StoredPost> versions : r.posts()) {
            b.append("### ").append(esc(versions.getFirst().key())).append("\n\n");
            for (StoredPost v : versions) {
                Post p = v.post();
                b.append("- version ").append(v.version());
                if (v.deletedAt() != null) {
                    b.append(": **deleted**, found gone ").append(t.full(v.deletedAt())).append('\n');
                } else {
                    b.append(", seen ").append(t.full(p.seenAt())).append(", published ").append(t.full(p.publishedAt())).append(", client ")
                            .append(esc(String.valueOf(p.client()))).append(": \"").append(esc(p.text())).append("\"\n");
                }
            }
            b.append('\n');
        }
        b.append("## Approvals\n\n");
        if (r.approvals().isEmpty()) {
            b.append("No approval was created, used or open in the span.\n");
        }
        for (Approval a : r.approvals()) {
            b.append("- ").append(esc(a.id())).append(": drafted by ").append(esc(a.draftedBy())).append(", approved by ")
                    .append(esc(a.approvedBy())).append(" at ").append(t.full(a.createdAt())).append(", window ")
                    .append(t.full(a.notBefore())).append(" to ").append(t.full(a.notAfter())).append(", ")
                    .append(esc(state(a, t))).append(": \"").append(esc(a.text())).append("\"\n");
        }
        return b.toString();
    }

    static String counts(ChannelReport r) {
        return r.posts().size() + (r.posts().size() == 1 ? " post" : " posts") + ", " + r.incidents().size()
                + (r.incidents().size() == 1 ? " alerted post" : " alerted posts") + ", " + r.approvals().size()
                + (r.approvals().size() == 1 ? " approval" : " approvals") + " in the span.";
    }

    static String state(Approval a, ReportTimes t) {
        if (a.revokedAt() != null) {
            return "revoked " + t.full(a.revokedAt());
        }
        if (a.consumedAt() != null) {
            return "used by " + a.consumedBy() + " at " + t.full(a.consumedAt());
        }
        return "not used";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cell(String s) {
        return esc(s).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
