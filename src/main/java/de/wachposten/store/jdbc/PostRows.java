package de.wachposten.store.jdbc;

import de.wachposten.model.Post;
import de.wachposten.store.StoredPost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads post versions back into {@link StoredPost} records. */
final class PostRows {

    /** Every column a {@link StoredPost} needs; versions {@code v} joined with their post {@code p}. */
    static final String SELECT = "SELECT v.id AS version_id, v.version, v.url, v.author, v.text, v.published_at,"
            + " v.edited_at, v.client, v.language, v.links, v.seen_at, v.raw_json, v.deleted_at, v.detected,"
            + " v.is_reply, v.is_repost, v.is_quote, v.media,"
            + " p.channel_id, p.platform, p.platform_id, p.kind"
            + " FROM post_versions v JOIN posts p ON p.id = v.post_id";

    /** {@link #SELECT} restricted to the latest version of each post. */
    static final String SELECT_LATEST = SELECT + " AND v.version = p.latest_version";

    private PostRows() {}

    /** Runs a prepared query of {@link #SELECT} columns. */
    static List<StoredPost> list(PreparedStatement ps) throws SQLException {
        List<StoredPost> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    /** The version with row id {@code versionId}. */
    static Optional<StoredPost> byVersionId(Connection c, long versionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE v.id = ?")) {
            ps.setLong(1, versionId);
            return list(ps).stream().findFirst();
        }
    }

    /** The latest version of post row {@code postId}. */
    static StoredPost latest(Connection c, long postId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_LATEST + " WHERE p.id = ?")) {
            ps.setLong(1, postId);
            return list(ps).getFirst();
        }
    }

    private static StoredPost map(ResultSet rs) throws SQLException {
        Post post = new Post(
                rs.getString("channel_id"),
                rs.getString("platform"),
                rs.getString("platform_id"),
                rs.getString("url"),
                rs.getString("author"),
                rs.getString("text"),
                Times.parse(rs.getString("published_at")),
                Times.parse(rs.getString("edited_at")),
                rs.getString("client"),
                rs.getString("language"),
                Json.stringList(rs.getString("links")),
                Times.parse(rs.getString("seen_at")),
                rs.getString("raw_json"),
                rs.getInt("is_reply") != 0,
                rs.getInt("is_repost") != 0,
                rs.getInt("is_quote") != 0,
                Json.mediaList(rs.getString("media")));
        return new StoredPost(rs.getLong("version_id"), rs.getInt("version"), post,
                Times.parse(rs.getString("deleted_at")), rs.getInt("detected") != 0,
                StoredPost.Kind.of(rs.getString("kind")));
    }
}
