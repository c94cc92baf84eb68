package de.wachposten.store.jdbc;

import de.wachposten.store.ProfileSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The last seen profile per channel, its fields as a JSON object. */
final class ProfileRepository {

    private ProfileRepository() {}

    static Optional<ProfileSnapshot> read(Connection c, String channelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT revision, fields, seen_at FROM channel_profiles WHERE channel_id = ?")) {
            ps.setString(1, channelId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, String> fields = new LinkedHashMap<>();
                Json.map(rs.getString("fields")).forEach((k, v) -> fields.put(k, v == null ? "" : v.toString()));
                return Optional.of(new ProfileSnapshot(rs.getInt("revision"), fields, Times.parse(rs.getString("seen_at"))));
            }
        }
    }

    static void save(Connection c, String channelId, ProfileSnapshot profile) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO channel_profiles (channel_id, revision, fields, seen_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (channel_id) DO UPDATE SET revision = excluded.revision,"
                        + " fields = excluded.fields, seen_at = excluded.seen_at")) {
            ps.setString(1, channelId);
            ps.setInt(2, profile.revision());
            ps.setString(3, Json.write(new java.util.TreeMap<>(profile.fields())));
            ps.setString(4, Times.text(profile.seenAt()));
            ps.executeUpdate();
        }
    }
}
