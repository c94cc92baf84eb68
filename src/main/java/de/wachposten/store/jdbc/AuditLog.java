package de.wachposten.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hash-chained audit log. Each record's hash is the hex SHA-256 of the canonical JSON array
 * {@code [seq, at, type, subject, data, prev_hash]}, where {@code data} is the stored JSON text (keys sorted) and
 * {@code prev_hash} is the previous record's hash (64 zeros for the first). Appends run inside the caller's transaction.
 */
final class AuditLog {

    /** The {@code prev_hash} of the first record. */
    static final String GENESIS = "0".repeat(64);

    private AuditLog() {}

    /** Appends one record in the transaction of {@code c}. */
    static void append(Connection c, String type, String subject, Map<String, Object> data, Instant at)
            throws SQLException {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        long seq = 1;
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        String atText = Times.text(at);
        String dataJson = Json.write(data == null ? Map.of() : data);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit (seq, at, type, subject, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setString(2, atText);
            ps.setString(3, type);
            ps.setString(4, subject);
            ps.setString(5, dataJson);
            ps.setString(6, prev);
            ps.setString(7, hash(seq, atText, type, subject, dataJson, prev));
            ps.executeUpdate();
        }
    }

    /** The hash of one record's stored content. */
    static String hash(long seq, String at, String type, String subject, String data, String prevHash) {
        String canonical = Json.write(List.of(seq, at, type, subject, data, prevHash));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records oldest first, filtered by subject prefix and time range {@code [from, to)}; each filter nullable. */
    static List<Map<String, Object>> events(Connection c, String subjectPrefix, Instant from, Instant to)
            throws SQLException {
        String sql = "SELECT seq, at, type, subject, data, prev_hash, hash FROM audit"
                + " WHERE (? IS NULL OR substr(subject, 1, length(?)) = ?)"
                + " AND (? IS NULL OR at >= ?) AND (? IS NULL OR at < ?) ORDER BY seq";
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.set(ps, subjectPrefix, subjectPrefix, subjectPrefix, Times.text(from), Times.text(from),
                    Times.text(to), Times.text(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("seq", rs.getLong("seq"));
                    e.put("at", Times.parse(rs.getString("at")));
                    e.put("type", rs.getString("type"));
                    e.put("subject", rs.getString("subject"));
                    e.put("data", Json.map(rs.getString("data")));
                    e.put("prev_hash", rs.getString("prev_hash"));
                    e.put("hash", rs.getString("hash"));
                    out.add(e);
                }
            }
        }
        return out;
    }
}
