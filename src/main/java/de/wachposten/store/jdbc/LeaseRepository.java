package de.wachposten.store.jdbc;

import de.wachposten.store.Lease;
import de.wachposten.store.LeaseLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Leases and instance heartbeats, for several instances on one database. A lease row is never deleted: its token
 * only grows, so a write fenced with an old token stays refused whatever happens to the lease later.
 */
final class LeaseRepository {

    private static final String COLUMNS = "SELECT name, holder, token, expires_at FROM leases";

    private LeaseRepository() {}

    static void heartbeat(Connection c, String instance, Instant at, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO instances (id, started_at, seen_at, expires_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at, expires_at = excluded.expires_at")) {
            Params.set(ps, instance, Times.text(at), Times.text(at), Times.text(until));
            ps.executeUpdate();
        }
    }

    static List<String> live(Connection c, Instant at) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM instances WHERE expires_at > ? ORDER BY id")) {
            Params.set(ps, Times.text(at));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Takes lease {@code name} for {@code holder} when it is free (lapsed, or already {@code holder}'s). A lease row
     * that another transaction has locked (a fenced write in progress, perhaps of an instance that was stopped in the
     * middle of it) is not waited for: the lease is not taken this time.
     */
    static Optional<Lease> acquire(Connection c, Dialect dialect, String name, String holder, Instant at,
                                   Instant until) throws SQLException {
        if (!dialect.skipLocked().isEmpty() && find(c, name, "").isPresent()
                && find(c, name, dialect.skipLocked()).isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO leases (name, holder, token, expires_at, acquired_at) VALUES (?, ?, 1, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET"
                        + " token = CASE WHEN leases.holder = excluded.holder THEN leases.token ELSE leases.token + 1 END,"
                        + " acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at"
                        + " ELSE excluded.acquired_at END,"
                        + " holder = excluded.holder, expires_at = excluded.expires_at"
                        + " WHERE leases.holder = excluded.holder OR leases.expires_at <= ?")) {
            Params.set(ps, name, holder, Times.text(until), Times.text(at), Times.text(at));
            ps.executeUpdate();
        }
        return find(c, name, "").filter(l -> l.holder().equals(holder));
    }

    static List<Lease> renew(Connection c, String holder, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE leases SET expires_at = ? WHERE holder = ?")) {
            Params.set(ps, Times.text(until), holder);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE holder = ? ORDER BY name")) {
            Params.set(ps, holder);
            return list(ps);
        }
    }

    static void release(Connection c, Lease lease, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE leases SET expires_at = ? WHERE name = ? AND holder = ? AND token = ?")) {
            Params.set(ps, Times.text(at), lease.name(), lease.holder(), lease.token());
            ps.executeUpdate();
        }
    }

    static List<Lease> all(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " ORDER BY name")) {
            return list(ps);
        }
    }

    /**
     * Refuses the transaction's write unless {@code lease} still stands: same holder and token. The lease row stays
     * locked until commit (PostgreSQL), so it cannot pass to another holder while the write is under way.
     *
     * @throws LeaseLostException naming the lease, its new holder and token
     */
    static void checkFence(Connection c, Dialect dialect, Lease lease) throws SQLException {
        Optional<Lease> now = find(c, lease.name(), dialect.forUpdate());
        if (now.isEmpty() || !now.get().holder().equals(lease.holder()) || now.get().token() != lease.token()) {
            throw new LeaseLostException("lease " + lease.name() + " of " + lease.holder() + " (token "
                    + lease.token() + ") was taken over"
                    + now.map(l -> " by " + l.holder() + " (token " + l.token() + ")").orElse("")
                    + "; this write is refused");
        }
    }

    private static Optional<Lease> find(Connection c, String name, String suffix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE name = ?" + suffix)) {
            Params.set(ps, name);
            return list(ps).stream().findFirst();
        }
    }

    private static List<Lease> list(PreparedStatement ps) throws SQLException {
        List<Lease> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Lease(rs.getString(1), rs.getString(2), rs.getLong(3), Times.parse(rs.getString(4))));
            }
        }
        return out;
    }
}
