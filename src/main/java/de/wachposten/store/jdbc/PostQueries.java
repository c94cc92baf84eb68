package de.wachposten.store.jdbc;

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
                + " WHERE (? IS NULL OR p.channel_id = ?) AND (? IS NULL OR v.search_text LIKE ? ESCAPE '\\')"
                + " AND (? IS NULL OR p.published_at >= ?) AND (? IS NULL OR p.published_at < ?)"
                + " ORDER BY p.published_at DESC, p.id DESC LIMIT ?")) {
            Params.set(ps, channelId, channelId, fragment, fragment == null ? null : Params.containing(fragment),
                    Times.text(from), Times.text(from), Times.text(to), Times.text(to), limit);
            return PostRows.list(ps);
        }
    }

    /** Versions (no tombstones) of posts published in {@code [from, to)} after {@code after}, by publication then id. */
    static List<StoredPost> published(Connection c, Instant from, Instant to, StoredPost after, int limit)
            throws SQLException {
        Instant start = after == null || after.post().publishedAt().isBefore(from) ? from : after.post().publishedAt();
        try (PreparedStatement ps = c.prepareStatement(PostRows.SELECT
                + " WHERE p.published_at >= ? AND p.published_at < ? AND v.deleted_at IS NULL"
                + " AND (p.published_at > ? OR v.id > ?)"
                + " ORDER BY p.published_at, v.id LIMIT ?")) {
            Params.set(ps, Times.text(start), Times.text(to), Times.text(start),
                    after == null ? -1L : after.versionId(), limit);
            return PostRows.list(ps);
        }
    }
}
