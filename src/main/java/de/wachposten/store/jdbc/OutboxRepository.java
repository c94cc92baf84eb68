package de.wachposten.store.jdbc;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertChange;
import de.wachposten.store.Delivery;
import de.wachposten.store.Recipients;
import de.wachposten.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery outbox. An entry starts {@code pending}; it ends {@code delivered} or {@code dead}, and only a pending
 * entry changes. A store instance claims the due entries it hands out for {@link #CLAIM_LEASE}; while the claim lasts
 * no other instance is handed them, so each attempt happens on one instance. Recording the outcome ends the claim;
 * the claims of an instance that died lapse.
 */
final class OutboxRepository {

    /**
     * How long a claim keeps other instances off an entry. Every pass of the claiming instance's outbox (several a
     * second) renews the claims of its due entries, those in flight included, so the lease only has to outlast a gap
     * between passes; it is short so that a restarted or surviving instance delivers the entries of one that died
     * soon.
     */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(10);

    private OutboxRepository() {}

    /**
     * Enqueues {@code alert}'s current revision for the sinks {@code recipients} chooses, given the sinks that hold an
     * earlier revision; inside the caller's transaction.
     *
     * @return the chosen sink keys
     */
    static List<String> route(Connection c, Alert alert, AlertChange change, Recipients recipients, Instant at)
            throws SQLException {
        List<String> keys = List.copyOf(new LinkedHashSet<>(recipients.choose(alert, change, sinksOf(c, alert.id()))));
        enqueue(c, alert.id(), alert.revision(), keys, at);
        return keys;
    }

    /** Keys of the sinks with an entry (any revision, any state) for the alert. */
    static Set<String> sinksOf(Connection c, String alertId) throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT sink_key FROM deliveries WHERE alert_id = ?")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /** One pending entry per sink key for {@code revision}, due at {@code at}; an existing entry is kept. */
    private static void enqueue(Connection c, String alertId, int revision, List<String> sinkKeys, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries (alert_id, revision,"
                + " sink_key, state, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            for (String sink : sinkKeys) {
                ps.setString(1, alertId);
                ps.setInt(2, revision);
                ps.setString(3, sink);
                ps.setString(4, Times.text(at));
                ps.setString(5, Times.text(at));
                ps.executeUpdate();
            }
        }
    }

    /**
     * Claims for {@code claimant} the entries due at {@code now} that no other instance holds a live claim on, oldest
     * first, at most {@code limit}; rows another transaction is claiming right now are passed over, not waited for.
     */
    static List<Delivery> claimDue(Connection c, Dialect dialect, String claimant, Instant now, int limit)
            throws SQLException {
        List<Delivery> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, alert_id, revision, sink_key, attempts,"
                + " created_at, next_attempt_at, last_error FROM deliveries"
                + " WHERE state = 'pending' AND next_attempt_at <= ?"
                + " AND (claimed_until IS NULL OR claimed_until <= ? OR claimed_by = ?)"
                + " ORDER BY id LIMIT ?" + dialect.skipLocked())) {
            Params.set(ps, Times.text(now), Times.text(now), claimant, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Delivery(rs.getLong("id"), rs.getString("alert_id"), rs.getInt("revision"),
                            rs.getString("sink_key"), rs.getInt("attempts"), Times.parse(rs.getString("created_at")),
                            Times.parse(rs.getString("next_attempt_at")), rs.getString("last_error")));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE deliveries SET claimed_by = ?, claimed_until = ? WHERE id = ?")) {
            for (Delivery d : out) {
                Params.set(ps, claimant, Times.text(now.plus(CLAIM_LEASE)), d.id());
                ps.addBatch();
            }
            if (!out.isEmpty()) {
                ps.executeBatch();
            }
        }
        return out;
    }

    /** Ends every claim of {@code claimant} (its store closes), so the next instance need not wait for the lease. */
    static void releaseClaims(Connection c, String claimant) throws SQLException {
        update(c, "UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?", claimant);
    }

    static void succeeded(Connection c, long id, Instant at) throws SQLException {
        Map<String, Object> d = requirePending(c, id);
        update(c, "UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, delivered_at = ?,"
                + " last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ?", Times.text(at), id);
        AuditLog.append(c, "alert.delivered", postKey(c, (String) d.get("alert_id")), event(d, null), at);
    }

    static void retry(Connection c, long id, Instant nextAttemptAt, String error) throws SQLException {
        requirePending(c, id);
        update(c, "UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ?", Times.text(nextAttemptAt), error, id);
    }

    static void dead(Connection c, long id, Instant at, String error) throws SQLException {
        Map<String, Object> d = requirePending(c, id);
        update(c, "UPDATE deliveries SET state = 'dead', attempts = attempts + 1, dead_at = ?,"
                + " last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?", Times.text(at), error, id);
        AuditLog.append(c, "alert.dead_letter", postKey(c, (String) d.get("alert_id")), event(d, error), at);
    }

    static long backlog(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM deliveries WHERE state = 'pending'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Entries of one alert, oldest first, as maps. */
    static List<Map<String, Object>> ofAlert(Connection c, String alertId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM deliveries WHERE alert_id = ? ORDER BY id")) {
            ps.setString(1, alertId);
            return rows(ps);
        }
    }

    private static Map<String, Object> requirePending(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM deliveries WHERE id = ?")) {
            ps.setLong(1, id);
            List<Map<String, Object>> found = rows(ps);
            if (found.isEmpty()) {
                throw new StoreException("unknown delivery " + id);
            }
            Map<String, Object> d = found.getFirst();
            if (!"pending".equals(d.get("state"))) {
                throw new IllegalStateException("delivery " + id + " is already " + d.get("state"));
            }
            return d;
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.set(ps, args);
            ps.executeUpdate();
        }
    }

    private static Map<String, Object> event(Map<String, Object> d, String error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alert_id", d.get("alert_id"));
        data.put("revision", d.get("revision"));
        data.put("sink", d.get("sink"));
        if (error != null) {
            data.put("error", error);
        }
        return data;
    }

    private static String postKey(Connection c, String alertId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.channel_id || '/' || p.platform_id FROM alerts a"
                + " JOIN posts p ON p.id = a.post_id WHERE a.id = ?")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : alertId;
            }
        }
    }

    private static List<Map<String, Object>> rows(PreparedStatement ps) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", rs.getLong("id"));
                m.put("alert_id", rs.getString("alert_id"));
                m.put("revision", rs.getInt("revision"));
                m.put("sink", rs.getString("sink_key"));
                m.put("state", rs.getString("state"));
                m.put("attempts", rs.getInt("attempts"));
                m.put("created_at", Times.parse(rs.getString("created_at")));
                m.put("next_attempt_at", Times.parse(rs.getString("next_attempt_at")));
                m.put("delivered_at", Times.parse(rs.getString("delivered_at")));
                m.put("dead_at", Times.parse(rs.getString("dead_at")));
                m.put("last_error", rs.getString("last_error"));
                out.add(m);
            }
        }
        return out;
    }
}
