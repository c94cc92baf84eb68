package de.wachposten.store.jdbc;

import de.wachposten.store.RotationTask;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rotation tasks and credential rotations; a task's closing time is the first rotation at or after its opening. */
final class RotationRepository {
    private RotationRepository() {}

    static List<RotationTask> open(Connection c, String userId, Instant leftAt, List<String> channelIds, String by,
                                   Instant at) throws SQLException {
        for (String channel : channelIds) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rotation_tasks (channel_id, user_id, left_at,"
                    + " opened_at, opened_by) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, channel);
                ps.setString(2, userId);
                ps.setString(3, Times.text(leftAt));
                ps.setString(4, Times.text(at));
                ps.setString(5, by);
                ps.executeUpdate();
            }
            AuditLog.append(c, "offboarding.task_opened", channel + "/credentials",
                    Map.of("user", userId, "left_at", leftAt.toString(), "by", by), at);
        }
        List<RotationTask> all = tasks(c, null);
        return all.subList(all.size() - channelIds.size(), all.size());
    }

    static List<RotationTask> tasks(Connection c, String channelId) throws SQLException {
        List<RotationTask> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.channel_id, t.user_id, t.left_at, t.opened_at,"
                + " (SELECT MIN(r.at) FROM credential_rotations r WHERE r.channel_id = t.channel_id"
                + " AND r.at >= t.opened_at) AS closed_at FROM rotation_tasks t"
                + " WHERE (? IS NULL OR t.channel_id = ?) ORDER BY t.id")) {
            Params.set(ps, channelId, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RotationTask(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Times.parse(rs.getString(4)), Times.parse(rs.getString(5)), Times.parse(rs.getString(6))));
                }
            }
        }
        return out;
    }

    static void rotated(Connection c, String channelId, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO credential_rotations (channel_id, at, by_user) VALUES (?, ?, ?)")) {
            ps.setString(1, channelId);
            ps.setString(2, Times.text(at));
            ps.setString(3, by);
            ps.executeUpdate();
        }
        AuditLog.append(c, "channel.credentials_rotated", channelId + "/credentials", Map.of("by", by), at);
    }

    static Map<String, Instant> lastRotations(Connection c) throws SQLException {
        Map<String, Instant> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT channel_id, MAX(at) FROM credential_rotations GROUP BY channel_id ORDER BY channel_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), Times.parse(rs.getString(2)));
            }
        }
        return out;
    }
}
