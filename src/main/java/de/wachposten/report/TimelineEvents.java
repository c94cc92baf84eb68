package de.wachposten.report;

import de.wachposten.model.Approval;
import de.wachposten.model.Post;
import de.wachposten.report.ReportEvent.Kind;
import de.wachposten.store.StoredPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns posts, approvals and the audit records of a channel into the report's timeline, oldest first. */
final class TimelineEvents {
    private final ReportTimes times;
    private final List<ReportEvent> out = new ArrayList<>();

    TimelineEvents(ReportTimes times) {
        this.times = times;
    }

    List<ReportEvent> build(List<List<StoredPost>> posts, List<Approval> approvals, List<Incident> incidents,
                            List<Map<String, Object>> audit, Instant from, Instant to) {
        posts.forEach(this::post);
        approvals.forEach(this::approval);
        Set<String> keys = posts.stream().map(v -> v.getFirst().key()).collect(Collectors.toSet());
        for (Map<String, Object> e : audit) {
            if (keys.contains((String) e.get("subject"))) {
                auditEvent(e);
            }
        }
        for (Incident i : incidents) {
            if (i.lateApproval() != null) {
                Approval a = i.lateApproval();
                add(a.createdAt(), Kind.LATE_APPROVAL, i.original().key(), "approval " + a.id() + " given after the post"
                        + " (" + ReportTimes.duration(java.time.Duration.between(i.publishedAt(), a.createdAt()))
                        + " after publication) by " + a.approvedBy() + ", drafted by " + a.draftedBy());
            }
        }
        return out.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
                .sorted(Comparator.comparing(ReportEvent::at).thenComparing(ReportEvent::kind)).toList();
    }

    private void post(List<StoredPost> versions) {
        for (StoredPost v : versions) {
            Post p = v.post();
            if (v.deletedAt() != null) {
                add(v.deletedAt(), Kind.DELETED, v.key(), "the post was found gone from the platform; the archive keeps "
                        + (v.version() - 1) + (v.version() == 2 ? " version" : " versions"));
            } else if (v.version() == 1) {
                add(p.publishedAt(), Kind.PUBLISHED, v.key(), "@" + p.author() + " published"
                        + (p.client() == null ? "" : " from client \"" + p.client() + "\"") + ": \"" + p.text() + "\"");
                add(p.seenAt(), Kind.SEEN, v.key(), "Wachposten saw and archived the post (version 1, "
                        + ReportTimes.duration(java.time.Duration.between(p.publishedAt(), p.seenAt()))
                        + " after publication)");
            } else {
                add(p.editedAt() != null ? p.editedAt() : p.seenAt(), Kind.EDITED, v.key(),
                        "the post was changed (version " + v.version() + "): \"" + p.text() + "\"");
            }
        }
    }

    private void approval(Approval a) {
        String window = "window " + times.clock(a.notBefore()) + "–" + times.clock(a.notAfter());
        add(a.createdAt(), Kind.APPROVAL_CREATED, null, "approval " + a.id() + " drafted by " + a.draftedBy()
                + ", approved by " + a.approvedBy() + " (" + window + "): \"" + a.text() + "\"");
        if (a.revokedAt() != null) {
            add(a.revokedAt(), Kind.APPROVAL_REVOKED, null, "approval " + a.id() + " revoked");
        }
        if (a.consumedAt() != null) {
            add(a.consumedAt(), Kind.APPROVAL_CONSUMED, a.consumedBy(), "approval " + a.id() + " matched post "
                    + a.consumedBy() + " and is used up");
        }
    }

    private void auditEvent(Map<String, Object> e) {
        Instant at = (Instant) e.get("at");
        String key = (String) e.get("subject");
        Map<?, ?> d = (Map<?, ?>) e.get("data");
        switch ((String) e.get("type")) {
            case "finding.recorded" -> add(at, Kind.FINDING, key, d.get("code") + " (" + d.get("severity") + "): "
                    + d.get("detail"));
            case "alert.created" -> add(at, Kind.ALERT_CREATED, key, "alert " + d.get("alert_id") + " created, severity "
                    + d.get("severity") + ", reasons " + d.get("added"));
            case "alert.updated" -> add(at, Kind.ALERT_UPDATED, key, "alert " + d.get("alert_id") + " updated (revision "
                    + d.get("revision") + "), added " + d.get("added") + ", severity " + d.get("severity"));
            case "alert.delivered" -> add(at, Kind.DELIVERED, key, "alert " + d.get("alert_id") + " revision "
                    + d.get("revision") + " delivered to " + d.get("sink"));
            case "alert.dead_letter" -> add(at, Kind.DELIVERY_FAILED, key, "delivery of alert " + d.get("alert_id")
                    + " revision " + d.get("revision") + " to " + d.get("sink") + " given up: " + d.get("error"));
            case "alert.acknowledged" -> add(at, Kind.ACKNOWLEDGED, key, "alert acknowledged by " + d.get("by")
                    + (d.get("resolution") == null ? "" : " as " + d.get("resolution")));
            case "alert.resolved" -> add(at, Kind.RESOLVED, key, "alert resolved"
                    + (d.get("resolution") == null ? "" : " as " + d.get("resolution"))
                    + (d.get("by") == null ? "" : " by " + d.get("by")));
            default -> { }
        }
    }

    private void add(Instant at, Kind kind, String key, String text) {
        if (at != null) {
            out.add(new ReportEvent(at, kind, key, text));
        }
    }
}
