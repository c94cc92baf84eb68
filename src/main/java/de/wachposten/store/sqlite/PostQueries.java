package de.wachposten.store.sqlite;

import de.wachposten.store.StoredPost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Read-only queries over the post archive. */
final class PostQueries {

    private PostQueries() {}

    static List<StoredPost> recent(Connection c, String channelId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PostRows.SELECT_LATEST
                + " WHERE p.channel_id = ? AND p.kind = ? AND p.deleted_at IS NULL"
                + " ORDER BY p.published_at DESC, p.id DESC LIMIT ?")) {
            ps.setString(1, channelId);
            ps.setString(2, StoredPost.Kind.POST.value());
            ps.setInt(3, limit);
            return PostRows.list(ps);
        }
    }

    static List<StoredPost> pendingDetection(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                PostRows.SELECT + " WHERE v.detected = 0 ORDER BY v.id LIMIT ?")) {
            ps.setInt(1, limit);
            return PostRows.list(ps);
        }
    }

    static List<StoredPost> versions(Connection c, String channelId, String platformId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                PostRows.SELECT + " WHERE p.channel_id = ? AND p.platform_id = ? ORDER BY v.version")) {
            ps.setString(1, channelId);
            ps.setString(2, platformId);
            return PostRows.list(ps);
        }
    }

    /** Latest versions, deleted posts included, newest first; every filter nullable, time range {@code [from, to)}. */
    static List<StoredPost> search(Connection c, String channelId, String text, Instant from, Instant to, int limit)
            throws SQLException {
        String fragment = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
        try (PreparedStatement ps = c.prepareStatement(PostRows.SELECT_LATEST
                + " WHERE (?1 IS NULL OR p.channel_id = ?1) AND (?2 IS NULL OR instr(v.search_text, ?2) > 0)"
                + " AND (?3 IS NULL OR p.published_at >= ?3) AND (?4 IS NULL OR p.published_at < ?4)"
                + " ORDER BY p.published_at DESC, p.id DESC LIMIT ?5")) {
            ps.setString(1, channelId);
            ps.setString(2, fragment);
            ps.setString(3, Times.text(from));
            ps.setString(4, Times.text(to));
            ps.setInt(5, limit);
            return PostRows.list(ps);
        }
    }

    /** Versions (no tombstones) of posts published in {@code [from, to)} after {@code after}, by publication then id. */
    static List<StoredPost> published(Connection c, Instant from, Instant to, StoredPost after, int limit)
            throws SQLException {
        Instant start = after == null || after.post().publishedAt().isBefore(from) ? from : after.post().publishedAt();
        try (PreparedStatement ps = c.prepareStatement(PostRows.SELECT
                + " WHERE p.published_at >= ?1 AND p.published_at < ?2 AND v.deleted_at IS NULL"
                + " AND (p.published_at > ?1 OR v.id > ?3)"
                + " ORDER BY p.published_at, v.id LIMIT ?4")) {
            ps.setString(1, Times.text(start));
            ps.setString(2, Times.text(to));
            ps.setLong(3, after == null ? -1 : after.versionId());
            ps.setInt(4, limit);
            return PostRows.list(ps);
        }
    }
}
