package de.wachposten.store.jdbc;

import de.wachposten.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * Versioned schema migrations from {@code db/<dialect>/V<n>__<name>.sql}. The {@code schema_version} table records
 * each applied version; every migration runs in its own transaction. The list is explicit and the same for every
 * dialect: a new migration is added here and as a script in each dialect's directory (a test checks both exist).
 *
 * <p>A hand-written runner rather than Flyway: Flyway's open-source SQLite support is a separate community module
 * that is not available to this build, and the stores in the field already carry this {@code schema_version}
 * table, which a runner of our own reads as it is.
 */
final class Migrations {

    /** Migration scripts in order; the script at index i brings the schema to version i + 1. */
    static final List<String> SCRIPTS = List.of(
            "V1__init.sql",
            "V2__append_only.sql",
            "V3__profiles.sql",
            "V4__sink_links_escalation.sql",
            "V5__drafts.sql",
            "V6__post_flags.sql",
            "V7__approval_repeats.sql",
            "V8__entry_kinds.sql",
            "V9__outbox_claims.sql",
            "V10__leases.sql",
            "V11__alert_reasons_keyset.sql",
            "V12__watched_since.sql");

    /** The schema version this code writes. */
    static final int LATEST = SCRIPTS.size();

    private Migrations() {}

    /** Brings the schema of {@code c} to {@link #LATEST}; {@code where} names the store in messages. */
    static void migrate(Connection c, Dialect dialect, String where, Clock clock) throws SQLException {
        dialect.lockMigrations(c);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            int current = currentVersion(c);
            if (current > LATEST) {
                throw new StoreException(where + ": store schema version " + current
                        + " is newer than this Wachposten (" + LATEST + ")");
            }
            for (int v = current + 1; v <= LATEST; v++) {
                apply(c, dialect, v, SCRIPTS.get(v - 1), clock);
            }
        } finally {
            dialect.unlockMigrations(c);
        }
    }

    /** The highest applied version, 0 for a new store. */
    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void apply(Connection c, Dialect dialect, int version, String script, Clock clock)
            throws SQLException {
        List<String> statements = SqlScript.load(dialect.migrations() + script);
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, script);
                ps.setString(3, Times.text(clock.instant()));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }
}
