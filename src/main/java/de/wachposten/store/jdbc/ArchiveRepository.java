package de.wachposten.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Archive retention: removes old posts that no alert refers to; the audit log keeps its records of them. */
final class ArchiveRepository {
    private ArchiveRepository() {}

    /** Purges in the transaction of {@code c}; returns the number of posts removed. */
    static int purge(Connection c, Instant publishedBefore, int keepNewestPerChannel, Instant at) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id FROM posts p WHERE p.published_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.post_id = p.id)"
                + " AND NOT EXISTS (SELECT 1 FROM post_versions v WHERE v.post_id = p.id AND v.detected = 0)"
                + " AND p.id NOT IN (SELECT p2.id FROM posts p2 WHERE p2.channel_id = p.channel_id"
                + " AND p2.kind = 'post' ORDER BY p2.published_at DESC, p2.id DESC LIMIT ?)")) {
            ps.setString(1, Times.text(publishedBefore));
            ps.setInt(2, keepNewestPerChannel);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        int versions = 0;
        try (PreparedStatement f = c.prepareStatement(
                "DELETE FROM findings WHERE version_id IN (SELECT id FROM post_versions WHERE post_id = ?)");
             PreparedStatement v = c.prepareStatement("DELETE FROM post_versions WHERE post_id = ?");
             PreparedStatement p = c.prepareStatement("DELETE FROM posts WHERE id = ?")) {
            for (long id : ids) {
                f.setLong(1, id);
                f.executeUpdate();
                v.setLong(1, id);
                versions += v.executeUpdate();
                p.setLong(1, id);
                p.executeUpdate();
            }
        }
        if (!ids.isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("published_before", Times.text(publishedBefore));
            data.put("posts", ids.size());
            data.put("versions", versions);
            AuditLog.append(c, "archive.purged", "archive", data, at);
        }
        return ids.size();
    }
}
