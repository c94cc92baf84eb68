package de.wachposten.report;

import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary of one incident in plain sentences, as an incident review states it: what was posted when and from
 * which client, which safeguard failed, when the press office was alerted, when the post disappeared. Renderers escape
 * the text.
 */
final class Summary {
    /** One labelled statement. */
    record Line(String label, String text) {}

    private Summary() {}

    static String heading(Incident i) {
        return "Alert " + i.alert().id() + ": " + i.alert().severity().wire() + ", " + i.alert().status().wire()
                + (i.alert().resolution() == null ? "" : " (" + i.alert().resolution().wire() + ")");
    }

    /** The incident in one paragraph. */
    static String narrative(Incident i, ReportTimes t) {
        Post p = i.original().post();
        StringBuilder b = new StringBuilder("At ").append(t.full(p.publishedAt())).append(" @").append(p.author())
                .append(" posted").append(p.client() == null ? "" : " from \"" + p.client() + "\"");
        List<String> failed = i.alert().reasons().stream().map(Finding::code)
                .filter(c -> c != ReasonCode.DELETED && c != ReasonCode.EDITED).map(Summary::safeguard).toList();
        if (!failed.isEmpty()) {
            b.append("; safeguards failed: ").append(String.join("; ", failed));
        }
        b.append(". ");
        if (i.firstDeliveredAt() != null) {
            b.append("The press office ").append(i.alert().officeId()).append(" was alerted at ")
                    .append(t.clock(i.firstDeliveredAt())).append(", ").append(ReportTimes.duration(i.timeToDeliver()))
                    .append(" after publication. ");
        } else {
            b.append("No alert reached the press office ").append(i.alert().officeId()).append(". ");
        }
        if (i.deletedAt() != null) {
            b.append("The post disappeared at ").append(t.clock(i.deletedAt())).append(", ")
                    .append(ReportTimes.duration(i.timeOnline())).append(" after publication; the archive keeps it.");
        } else {
            b.append("The post was still online at the last poll.");
        }
        if (i.acknowledgedAt() != null) {
            b.append(" ").append(i.acknowledgedBy()).append(" acknowledged the alert at ").append(t.clock(i.acknowledgedAt()))
                    .append(", ").append(ReportTimes.duration(i.timeToAcknowledge())).append(" after publication.");
        }
        return b.toString().strip();
    }

    static List<Line> lines(Incident i, ReportTimes t) {
        Post p = i.original().post();
        List<Line> out = new ArrayList<>();
        out.add(new Line("Posted", "On " + t.full(p.publishedAt()) + " @" + p.author() + " published"
                + (p.client() == null ? "" : " from the client \"" + p.client() + "\"") + ": \"" + p.text() + "\""
                + (p.url() == null ? "" : " (" + p.url() + ")")));
        for (Finding f : i.alert().reasons()) {
            out.add(new Line("Safeguard failed", safeguard(f.code()) + " [" + f.code().code() + ", " + f.severity().wire()
                    + "]: " + f.detail()));
        }
        out.add(new Line("Seen", t.full(i.firstSeenAt()) + ", " + ReportTimes.duration(
                java.time.Duration.between(p.publishedAt(), i.firstSeenAt())) + " after publication"));
        out.add(new Line("Alert created", t.full(i.alert().createdAt()) + "; time to detect "
                + ReportTimes.duration(i.timeToDetect())));
        out.add(new Line("Press office alerted", i.firstDeliveredAt() == null
                ? "no delivery succeeded" + (i.deadDeliveries() > 0 ? " (" + i.deadDeliveries() + " given up)" : "")
                : "office " + i.alert().officeId() + " via " + i.firstSink() + " at " + t.full(i.firstDeliveredAt())
                        + "; time to deliver " + ReportTimes.duration(i.timeToDeliver())));
        out.add(new Line("Acknowledged", i.acknowledgedAt() == null ? "not acknowledged"
                : "by " + i.acknowledgedBy() + " at " + t.full(i.acknowledgedAt()) + "; time to acknowledge "
                        + ReportTimes.duration(i.timeToAcknowledge())));
        if (i.versions().size() > 1) {
            long edits = i.versions().stream().filter(v -> v.version() > 1 && v.deletedAt() == null).count();
            if (edits > 0) {
                out.add(new Line("Edited", edits + (edits == 1 ? " time" : " times") + "; every version is archived"));
            }
        }
        out.add(new Line("Post disappeared", i.deletedAt() == null ? "no, still online at the last poll"
                : "found gone at " + t.full(i.deletedAt()) + ", " + ReportTimes.duration(i.timeOnline())
                        + " after publication; the archive keeps the text"));
        if (i.lateApproval() != null) {
            out.add(new Line("Approved late", "approval " + i.lateApproval().id() + " by " + i.lateApproval().approvedBy()
                    + " at " + t.full(i.lateApproval().createdAt())));
        }
        return out;
    }

    /** The safeguard a reason code stands for, in words. */
    static String safeguard(ReasonCode code) {
        return switch (code) {
            case UNAPPROVED -> "four-eyes approval (no approval record matches the post)";
            case OUTSIDE_APPROVAL_WINDOW -> "approval window";
            case OUTSIDE_HOURS -> "posting hours";
            case DORMANT_CHANNEL -> "channel status (dormant or expired)";
            case UNEXPECTED_CLIENT -> "allowed posting clients";
            case FLAGGED_CONTENT -> "content rules";
            case UNUSUAL_BEHAVIOUR -> "the channel's usual behaviour";
            case EDITED -> "post changed after it was seen";
            case DELETED -> "post deleted";
            case PROFILE_CHANGED -> "account profile";
            case CREDENTIALS_OVERDUE -> "credential rotation after off-boarding";
            default -> code.code();
        };
    }
}
