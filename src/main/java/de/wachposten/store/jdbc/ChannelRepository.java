package de.wachposten.store.jdbc;

import de.wachposten.store.ChannelState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Poll state per channel: cursor, last poll, last success, last error, when watching began. */
final class ChannelRepository {

    private static final String SELECT = "SELECT s.channel_id, s.cursor, s.last_poll_at, s.last_success_at,"
            + " s.last_error, s.watched_since,"
            + " (SELECT COUNT(*) FROM posts p WHERE p.channel_id = s.channel_id) AS posts_seen"
            + " FROM channel_state s";

    private ChannelRepository() {}

    static ChannelState state(Connection c, String channelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE s.channel_id = ?")) {
            ps.setString(1, channelId);
            List<ChannelState> found = list(ps);
            return found.isEmpty() ? ChannelState.empty(channelId) : found.getFirst();
        }
    }

    static List<ChannelState> states(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY s.channel_id")) {
            return list(ps);
        }
    }

    static void recordFailure(Connection c, String channelId, Instant at, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO channel_state (channel_id, last_poll_at, last_error) VALUES (?, ?, ?)"
                        + " ON CONFLICT (channel_id) DO UPDATE SET last_poll_at = excluded.last_poll_at,"
                        + " last_error = excluded.last_error")) {
            Params.set(ps, channelId, Times.text(at), error == null ? "unknown error" : error);
            ps.executeUpdate();
        }
    }

    /** Records when polling the channel began, keeping an earlier beginning. */
    static void startWatching(Connection c, String channelId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO channel_state (channel_id, watched_since) VALUES (?, ?)"
                        + " ON CONFLICT (channel_id) DO UPDATE"
                        + " SET watched_since = COALESCE(channel_state.watched_since, excluded.watched_since)")) {
            Params.set(ps, channelId, Times.text(at));
            ps.executeUpdate();
        }
    }

    /**
     * Records a successful poll. A null {@code cursor} keeps the stored one; when there is none either, the empty
     * string is stored, so the channel no longer counts as never polled.
     */
    static void recordSuccess(Connection c, String channelId, String cursor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO channel_state (channel_id, cursor, last_poll_at, last_success_at, last_error)"
                        + " VALUES (?, COALESCE(?, ''), ?, ?, NULL)"
                        + " ON CONFLICT (channel_id) DO UPDATE SET cursor = COALESCE(?, channel_state.cursor, ''),"
                        + " last_poll_at = excluded.last_poll_at, last_success_at = excluded.last_success_at,"
                        + " last_error = NULL")) {
            Params.set(ps, channelId, cursor, Times.text(at), Times.text(at), cursor);
            ps.executeUpdate();
        }
    }

    private static List<ChannelState> list(PreparedStatement ps) throws SQLException {
        List<ChannelState> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ChannelState(rs.getString("channel_id"), rs.getString("cursor"),
                        Times.parse(rs.getString("last_poll_at")), Times.parse(rs.getString("last_success_at")),
                        rs.getString("last_error"), rs.getLong("posts_seen"),
                        Times.parse(rs.getString("watched_since"))));
            }
        }
        return out;
    }
}
