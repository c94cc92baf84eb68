package de.wachposten.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks on the shared PostgreSQL store of several daemons, in SQL against its tables: the live channel leases, and
 * whether every published post was stored once, alerted once and each alert revision delivered.
 */
public final class StoreChecks {
    /** How the store writes instants (fixed width, so text order is time order). */
    private static final DateTimeFormatter STORED_TIME = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private StoreChecks() {}

    /** The single number {@code sql} selects. */
    public static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The rows {@code sql} selects, each as its columns' values joined by spaces (for failure messages). */
    public static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** The live channel leases (names {@code channel:<id>}) by holder, read from the {@code leases} table now. */
    public static Map<String, Set<String>> liveChannelLeases(String jdbcUrl) throws SQLException {
        Map<String, Set<String>> held = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, null);
             PreparedStatement ps = c.prepareStatement("SELECT holder, name FROM leases WHERE name LIKE 'channel:%'"
                     + " AND expires_at > ?")) {
            ps.setString(1, STORED_TIME.format(Instant.now()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return held;
    }

    /**
     * The {@code webhook-id}s the alerts' revisions are delivered under, {@code <alert id>_r<revision>}: each alert's
     * revisions from the first to its current one.
     */
    public static Set<String> alertRevisionIds(Connection c) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, revision FROM alerts")) {
            while (rs.next()) {
                for (int r = 1; r <= rs.getInt(2); r++) {
                    ids.add(rs.getString(1) + "_r" + r);
                }
            }
        }
        return ids;
    }

    /**
     * Asserts that the {@code total} posts published on {@code channels} are stored once each (one row, one
     * version) and have exactly one alert each, channel by channel.
     */
    public static void assertEachPostStoredOnceWithOneAlert(Connection c, List<SimChannel> channels, long total)
            throws SQLException {
        assertThat(count(c, "SELECT count(*) FROM posts WHERE kind = 'post'")).isEqualTo(total);
        assertThat(count(c, "SELECT count(*) FROM (SELECT channel_id, platform_id FROM posts"
                + " GROUP BY channel_id, platform_id HAVING count(*) > 1) d")).as("posts stored twice").isZero();
        assertThat(count(c, "SELECT count(*) FROM post_versions")).as("one version per post").isEqualTo(total);
        assertThat(count(c, "SELECT count(*) FROM alerts")).isEqualTo(total);
        assertThat(count(c, "SELECT count(DISTINCT post_id) FROM alerts")).isEqualTo(total);
        for (SimChannel ch : channels) {
            assertThat(count(c, "SELECT count(*) FROM posts WHERE channel_id = '" + ch.id() + "'"))
                    .as(ch.id()).isEqualTo(count(c, "SELECT count(*) FROM alerts WHERE channel_id = '"
                            + ch.id() + "'"));
        }
    }
}
