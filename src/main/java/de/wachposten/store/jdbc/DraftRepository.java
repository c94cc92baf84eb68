package de.wachposten.store.jdbc;

import de.wachposten.model.Approval;
import de.wachposten.model.Draft;
import de.wachposten.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts and their events. A draft row never changes; each approver's agreement and a rejection are
 * {@code draft_events} rows (unique indexes allow one per actor, one rejection, one resulting approval).
 */
final class DraftRepository {
    private static final String SELECT = "SELECT id, channel_id, text, not_before, not_after, drafted_by, created_at"
            + " FROM drafts";

    private DraftRepository() {}

    static Draft add(Connection c, Draft d) throws SQLException {
        if (find(c, d.id()).isPresent()) {
            throw new IllegalStateException("draft " + d.id() + " exists already");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drafts (id, channel_id, text, not_before,"
                + " not_after, drafted_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.id());
            ps.setString(2, d.channelId());
            ps.setString(3, d.text());
            ps.setString(4, Times.text(d.notBefore()));
            ps.setString(5, Times.text(d.notAfter()));
            ps.setString(6, d.draftedBy());
            ps.setString(7, Times.text(d.createdAt()));
            ps.executeUpdate();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("drafted_by", d.draftedBy());
        data.put("text", d.text());
        AuditLog.append(c, "draft.submitted", subject(d), data, d.createdAt());
        return find(c, d.id()).orElseThrow();
    }

    static Optional<Draft> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setString(1, id);
            List<Draft> found = list(c, ps);
            return found.stream().findFirst();
        }
    }

    /** Newest first; channel and status may be null. */
    static List<Draft> list(Connection c, String channelId, Draft.Status status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE (? IS NULL OR channel_id = ?)"
                + " ORDER BY created_at DESC, rowid DESC")) {
            Params.set(ps, channelId, channelId);
            return list(c, ps).stream().filter(d -> status == null || d.status() == status).toList();
        }
    }

    static Draft approve(Connection c, String id, String by, Approval approval, Instant at) throws SQLException {
        Draft d = requirePending(c, id);
        if (d.approvers().contains(by)) {
            throw new IllegalStateException("draft " + id + " is already approved by " + by);
        }
        if (approval != null) {
            ApprovalRepository.add(c, approval);
        }
        insertEvent(c, id, "approved", at, by, null, approval == null ? null : approval.id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("by", by);
        if (approval != null) {
            data.put("approval", approval.id());
        }
        AuditLog.append(c, "draft.approved", subject(d), data, at);
        return find(c, id).orElseThrow();
    }

    static Draft reject(Connection c, String id, String by, String reason, Instant at) throws SQLException {
        Draft d = requirePending(c, id);
        insertEvent(c, id, "rejected", at, by, reason, null);
        AuditLog.append(c, "draft.rejected", subject(d), Map.of("by", by, "reason", reason), at);
        return find(c, id).orElseThrow();
    }

    private static Draft requirePending(Connection c, String id) throws SQLException {
        Draft d = find(c, id).orElseThrow(() -> new StoreException("unknown draft '" + id + "'"));
        if (d.status() != Draft.Status.PENDING) {
            throw new IllegalStateException("draft " + id + " is already " + d.status().wire());
        }
        return d;
    }

    private static String subject(Draft d) {
        return d.channelId() + "/drafts/" + d.id();
    }

    private static void insertEvent(Connection c, String id, String kind, Instant at, String by, String reason,
                                    String approvalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO draft_events (draft_id, kind, at, actor, reason,"
                + " approval_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, kind);
            ps.setString(3, Times.text(at));
            ps.setString(4, by);
            ps.setString(5, reason);
            ps.setString(6, approvalId);
            ps.executeUpdate();
        }
    }

    private static List<Draft> list(Connection c, PreparedStatement ps) throws SQLException {
        List<Draft> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(withEvents(c, Draft.submitted(rs.getString("id"), rs.getString("channel_id"),
                        rs.getString("text"), Times.parse(rs.getString("not_before")),
                        Times.parse(rs.getString("not_after")), rs.getString("drafted_by"),
                        Times.parse(rs.getString("created_at")))));
            }
        }
        return out;
    }

    private static Draft withEvents(Connection c, Draft d) throws SQLException {
        List<String> approvers = new ArrayList<>();
        String approvalId = null;
        String rejectedBy = null;
        String reason = null;
        Instant decidedAt = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, at, actor, reason, approval_id FROM draft_events"
                + " WHERE draft_id = ? ORDER BY id")) {
            ps.setString(1, d.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("rejected".equals(rs.getString("kind"))) {
                        rejectedBy = rs.getString("actor");
                        reason = rs.getString("reason");
                        decidedAt = Times.parse(rs.getString("at"));
                    } else {
                        approvers.add(rs.getString("actor"));
                        if (rs.getString("approval_id") != null) {
                            approvalId = rs.getString("approval_id");
                            decidedAt = Times.parse(rs.getString("at"));
                        }
                    }
                }
            }
        }
        return new Draft(d.id(), d.channelId(), d.text(), d.notBefore(), d.notAfter(), d.draftedBy(), d.createdAt(),
                approvers, approvalId, rejectedBy, reason, decidedAt);
    }
}
