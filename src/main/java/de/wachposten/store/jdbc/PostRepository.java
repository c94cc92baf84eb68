package de.wachposten.store.jdbc;

import de.wachposten.model.Post;
import de.wachposten.store.StoredPost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Posts and their versions: writing one poll's outcome and the queries over the archive. */
final class PostRepository {

    private PostRepository() {}

    /**
     * The body of {@code Store.ingest}, inside the caller's transaction: the versions of the platform ids in
     * {@code archived} are stored as detected and not returned.
     */
    static List<StoredPost> ingest(Connection c, String channelId, List<Post> posts, List<String> deletedIds,
                                   String cursor, Set<String> archived, Instant at) throws SQLException {
        List<StoredPost> written = new ArrayList<>();
        for (Post post : posts) {
            if (!channelId.equals(post.channelId())) {
                throw new IllegalArgumentException("post " + post.platformId() + " belongs to channel "
                        + post.channelId() + ", not " + channelId);
            }
            boolean archive = archived.contains(post.platformId());
            StoredPost v = store(c, StoredPost.Kind.POST, post, archive, at);
            if (v != null && !archive) {
                written.add(v);
            }
        }
        for (String platformId : deletedIds) {
            boolean archive = archived.contains(platformId);
            StoredPost v = tombstone(c, channelId, platformId, archive, at);
            if (v != null && !archive) {
                written.add(v);
            }
        }
        ChannelRepository.recordSuccess(c, channelId, cursor, at);
        return written;
    }

    /** Stores {@code post} as version 1 of an entry of {@code kind}; null when its channel holds that platform id already. */
    static StoredPost storeNew(Connection c, StoredPost.Kind kind, Post post, boolean archiveOnly, Instant at)
            throws SQLException {
        return postId(c, post.channelId(), post.platformId()) == null ? store(c, kind, post, archiveOnly, at) : null;
    }

    private static StoredPost store(Connection c, StoredPost.Kind kind, Post post, boolean archiveOnly, Instant at)
            throws SQLException {
        Long postId = postId(c, post.channelId(), post.platformId());
        if (postId == null) {
            long id = insertPost(c, kind, post, at);
            StoredPost v = insertVersion(c, id, 1, post, null, archiveOnly, kind);
            audit(c, "post.seen", v, at);
            return v;
        }
        StoredPost latest = PostRows.latest(c, postId);
        if (sameContent(latest.post(), post)) {
            return null;
        }
        StoredPost v = insertVersion(c, postId, latest.version() + 1, post, null, archiveOnly, latest.kind());
        updatePost(c, postId, v.version(), post.publishedAt(), null);
        audit(c, "post.edited", v, at);
        return v;
    }

    private static StoredPost tombstone(Connection c, String channelId, String platformId, boolean archiveOnly,
                                        Instant at) throws SQLException {
        Long postId = postId(c, channelId, platformId);
        if (postId == null) {
            return null;
        }
        StoredPost latest = PostRows.latest(c, postId);
        if (latest.deletedAt() != null) {
            return null;
        }
        StoredPost v = insertVersion(c, postId, latest.version() + 1, latest.post(), at, archiveOnly, latest.kind());
        updatePost(c, postId, v.version(), latest.post().publishedAt(), at);
        audit(c, "post.deleted", v, at);
        return v;
    }

    /**
     * A new version is due when what the post says changed: text, edit time or link targets. Counters in the raw
     * payload (likes, boosts, replies) change all the time and are no edit.
     */
    private static boolean sameContent(Post stored, Post fetched) {
        return stored.text().equals(fetched.text())
                && Objects.equals(stored.editedAt(), fetched.editedAt())
                && stored.links().equals(fetched.links());
    }

    private static Long postId(Connection c, String channelId, String platformId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM posts WHERE channel_id = ? AND platform_id = ?")) {
            ps.setString(1, channelId);
            ps.setString(2, platformId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long insertPost(Connection c, StoredPost.Kind kind, Post post, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO posts (channel_id, platform, platform_id,"
                + " latest_version, published_at, first_seen_at, kind) VALUES (?, ?, ?, 1, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, post.channelId());
            ps.setString(2, post.platform());
            ps.setString(3, post.platformId());
            ps.setString(4, Times.text(post.publishedAt()));
            ps.setString(5, Times.text(at));
            ps.setString(6, kind.value());
            ps.executeUpdate();
            return generatedKey(ps);
        }
    }

    private static void updatePost(Connection c, long postId, int version, Instant publishedAt, Instant deletedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE posts SET latest_version = ?, published_at = ?, deleted_at = ? WHERE id = ?")) {
            ps.setInt(1, version);
            ps.setString(2, Times.text(publishedAt));
            ps.setString(3, Times.text(deletedAt));
            ps.setLong(4, postId);
            ps.executeUpdate();
        }
    }

    private static StoredPost insertVersion(Connection c, long postId, int version, Post p, Instant deletedAt,
                                            boolean detected, StoredPost.Kind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO post_versions (post_id, version, url, author,"
                + " text, search_text, published_at, edited_at, client, language, links, seen_at, raw_json,"
                + " deleted_at, detected, is_reply, is_repost, is_quote, media)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, postId);
            ps.setInt(2, version);
            ps.setString(3, p.url());
            ps.setString(4, p.author());
            ps.setString(5, p.text());
            ps.setString(6, p.text().toLowerCase(Locale.ROOT));
            ps.setString(7, Times.text(p.publishedAt()));
            ps.setString(8, Times.text(p.editedAt()));
            ps.setString(9, p.client());
            ps.setString(10, p.language());
            ps.setString(11, Json.write(p.links()));
            ps.setString(12, Times.text(p.seenAt()));
            ps.setString(13, p.rawJson());
            ps.setString(14, Times.text(deletedAt));
            ps.setInt(15, detected ? 1 : 0);
            ps.setInt(16, p.reply() ? 1 : 0);
            ps.setInt(17, p.repost() ? 1 : 0);
            ps.setInt(18, p.quote() ? 1 : 0);
            ps.setString(19, Json.write(p.media()));
            ps.executeUpdate();
            return new StoredPost(generatedKey(ps), version, p, deletedAt, detected, kind);
        }
    }

    private static void audit(Connection c, String type, StoredPost v, Instant at) throws SQLException {
        AuditLog.append(c, type, v.key(), Map.of("version", v.version(), "version_id", v.versionId()), at);
    }

    static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
