package de.wachposten.store.jdbc;

import de.wachposten.model.Approval;
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
 * Approval records and their events. A record never changes; its revocation and each consumption are
 * {@code approval_events} rows (unique indexes allow one revocation and one consumption per post), folded into the
 * {@link Approval} view: uses counted, the last consumption named.
 */
final class ApprovalRepository {

    private static final String SELECT = "SELECT * FROM (SELECT a.rowid AS rid, a.id, a.channel_id, a.text,"
            + " a.not_before, a.not_after, a.drafted_by, a.approved_by, a.created_at, a.max_uses,"
            + " (SELECT r.at FROM approval_events r WHERE r.approval_id = a.id AND r.kind = 'revoked') AS revoked_at,"
            + " (SELECT COUNT(*) FROM approval_events u WHERE u.approval_id = a.id AND u.kind = 'consumed') AS uses,"
            + " (SELECT l.post_key FROM approval_events l WHERE l.approval_id = a.id AND l.kind = 'consumed'"
            + " ORDER BY l.id DESC LIMIT 1) AS consumed_by,"
            + " (SELECT l.at FROM approval_events l WHERE l.approval_id = a.id AND l.kind = 'consumed'"
            + " ORDER BY l.id DESC LIMIT 1) AS consumed_at"
            + " FROM approvals a) v";

    private ApprovalRepository() {}

    static Approval add(Connection c, Approval a) throws SQLException {
        if (find(c, a.id()).isPresent()) {
            throw new IllegalStateException("approval " + a.id() + " exists already");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO approvals (id, channel_id, text, not_before,"
                + " not_after, drafted_by, approved_by, created_at, max_uses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, a.id());
            ps.setString(2, a.channelId());
            ps.setString(3, a.text());
            ps.setString(4, Times.text(a.notBefore()));
            ps.setString(5, Times.text(a.notAfter()));
            ps.setString(6, a.draftedBy());
            ps.setString(7, a.approvedBy());
            ps.setString(8, Times.text(a.createdAt()));
            ps.setInt(9, a.maxUses());
            ps.executeUpdate();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("drafted_by", a.draftedBy());
        data.put("approved_by", a.approvedBy());
        data.put("text", a.text());
        if (a.maxUses() > 1) {
            data.put("max_uses", a.maxUses());
        }
        AuditLog.append(c, "approval.created", subject(a), data, a.createdAt());
        return find(c, a.id()).orElseThrow();
    }

    static Optional<Approval> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE v.id = ?")) {
            ps.setString(1, id);
            return list(ps).stream().findFirst();
        }
    }

    /** Newest first; {@code channelId} may be null for all channels. */
    static List<Approval> list(Connection c, String channelId, boolean openOnly) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE (? IS NULL OR v.channel_id = ?) AND (? = 0 OR (v.revoked_at IS NULL AND v.uses < v.max_uses))"
                + " ORDER BY v.created_at DESC, v.rid DESC")) {
            Params.set(ps, channelId, channelId, openOnly ? 1 : 0);
            return list(ps);
        }
    }

    static Approval revoke(Connection c, String id, String by, Instant at) throws SQLException {
        Approval a = requireOpen(c, id);
        insertEvent(c, id, "revoked", at, by, null);
        AuditLog.append(c, "approval.revoked", subject(a), Map.of("by", String.valueOf(by)), at);
        return find(c, id).orElseThrow();
    }

    /** Records that post {@code postKey} used approval {@code id}; fails unless the approval is open. */
    static void consume(Connection c, String id, String postKey, Instant at) throws SQLException {
        Approval a = requireOpen(c, id);
        insertEvent(c, id, "consumed", at, null, postKey);
        AuditLog.append(c, "approval.consumed", subject(a), Map.of("post", postKey), at);
    }

    static void markLate(Connection c, String id, String postKey, String alertId, Instant at) throws SQLException {
        Approval a = find(c, id).orElseThrow(() -> new StoreException("unknown approval '" + id + "'"));
        if (late(c, a.channelId()).containsKey(id)) {
            throw new IllegalStateException("approval " + id + " is already recorded as late");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO approval_late (approval_id, post_key, alert_id, at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, postKey);
            ps.setString(3, alertId);
            ps.setString(4, Times.text(at));
            ps.executeUpdate();
        }
        AuditLog.append(c, "approval.late", subject(a), Map.of("post", postKey, "alert", alertId), at);
    }

    /** Approval id → post key of the late approvals of a channel (null: all). */
    static Map<String, String> late(Connection c, String channelId) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.approval_id, l.post_key FROM approval_late l"
                + " JOIN approvals a ON a.id = l.approval_id WHERE (? IS NULL OR a.channel_id = ?)")) {
            Params.set(ps, channelId, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static Approval requireOpen(Connection c, String id) throws SQLException {
        Approval a = find(c, id).orElseThrow(() -> new StoreException("unknown approval '" + id + "'"));
        if (a.uses() >= a.maxUses()) {
            throw new IllegalStateException("approval " + id + " was already consumed by " + a.consumedBy());
        }
        if (a.revokedAt() != null) {
            throw new IllegalStateException("approval " + id + " was already revoked");
        }
        return a;
    }

    /** Audit subject of an approval: {@code channel/approvals/id}, so a channel prefix finds it. */
    private static String subject(Approval a) {
        return a.channelId() + "/approvals/" + a.id();
    }

    private static void insertEvent(Connection c, String id, String kind, Instant at, String by, String postKey)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO approval_events (approval_id, kind, at, actor, post_key) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, kind);
            ps.setString(3, Times.text(at));
            ps.setString(4, by);
            ps.setString(5, postKey);
            ps.executeUpdate();
        }
    }

    private static List<Approval> list(PreparedStatement ps) throws SQLException {
        List<Approval> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Approval(rs.getString("id"), rs.getString("channel_id"), rs.getString("text"),
                        Times.parse(rs.getString("not_before")), Times.parse(rs.getString("not_after")),
                        rs.getString("drafted_by"), rs.getString("approved_by"),
                        Times.parse(rs.getString("created_at")), Times.parse(rs.getString("revoked_at")),
                        rs.getString("consumed_by"), Times.parse(rs.getString("consumed_at")),
                        rs.getInt("max_uses"), rs.getInt("uses")));
            }
        }
        return out;
    }
}
