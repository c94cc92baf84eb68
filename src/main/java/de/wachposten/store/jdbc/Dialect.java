package de.wachposten.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The few places where SQLite and PostgreSQL need different SQL or handling; everything else is one SQL code base.
 * Each dialect keeps its migration scripts in its own resource directory, with the same versions.
 */
enum Dialect {

    /** The embedded store: one connection, one writer; nothing to lock or to skip. */
    SQLITE("db/sqlite/") {
        @Override
        void lockAuditChain(Connection c) {
            // the single connection behind its lock already serialises every transaction
        }

        @Override
        boolean isConflict(SQLException e) {
            return false;
        }

        @Override
        String skipLocked() {
            return "";
        }

        @Override
        String forUpdate() {
            return "";
        }

        @Override
        String reasonCodeIn(String reasonsColumn) {
            return "EXISTS (SELECT 1 FROM json_each(" + reasonsColumn + ") r WHERE json_extract(r.value, '$.code') = ?)";
        }

        @Override
        void lockMigrations(Connection c) {
            // one process opens the file for writing at a time; SQLite's own file lock covers the rest
        }

        @Override
        void unlockMigrations(Connection c) {
            // nothing was locked
        }

        @Override
        void resetIdentity(Connection c, String table, String column) {
            // an INTEGER PRIMARY KEY continues after the largest row id by itself
        }
    },

    /** The shared store: several instances, each with a pool; conflicts are serialised by locks or retried. */
    POSTGRESQL("db/postgresql/") {
        @Override
        void lockAuditChain(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, AUDIT_LOCK);
                ps.execute();
            }
        }

        @Override
        boolean isConflict(SQLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException s && s.getSQLState() != null
                        && (s.getSQLState().equals("40001") || s.getSQLState().equals("40P01"))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        String skipLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }

        @Override
        String forUpdate() {
            return " FOR UPDATE";
        }

        @Override
        String reasonCodeIn(String reasonsColumn) {
            return "EXISTS (SELECT 1 FROM jsonb_array_elements(CAST(" + reasonsColumn + " AS jsonb)) r"
                    + " WHERE r.value ->> 'code' = ?)";
        }

        @Override
        void lockMigrations(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
        }

        @Override
        void unlockMigrations(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        }

        @Override
        void resetIdentity(Connection c, String table, String column) throws SQLException {
            if (column == null) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'),"
                        + " COALESCE((SELECT MAX(" + column + ") FROM " + table + "), 0) + 1, false)");
            }
        }
    };

    /** Advisory lock key held by each transaction that may append to the audit chain ("wachpost" in ASCII). */
    static final long AUDIT_LOCK = 0x7761636870_6f7374L;
    /** Advisory lock key held while one instance migrates the schema, so two starting at once do not both do it. */
    static final long MIGRATION_LOCK = AUDIT_LOCK + 1;

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** The classpath directory of this dialect's {@code V<n>__<name>.sql} scripts, ending in a slash. */
    String migrations() {
        return migrations;
    }

    /** Waits until no other transaction (of this or another instance) can append to the audit chain. */
    abstract void lockAuditChain(Connection c) throws SQLException;

    /** True when the database aborted the transaction for a conflict with a concurrent one, so running it again helps. */
    abstract boolean isConflict(SQLException e);

    /** What ends a {@code SELECT} that claims rows: rows locked by a concurrent claimer are passed over. */
    abstract String skipLocked();

    /** What ends a {@code SELECT} that reads a row to decide a write on: the row stays locked until commit. */
    abstract String forUpdate();

    /** A condition true when the JSON array of reasons in {@code reasonsColumn} has one with the code of {@code ?}. */
    abstract String reasonCodeIn(String reasonsColumn);

    /** Keeps other instances from migrating the schema until {@link #unlockMigrations}. */
    abstract void lockMigrations(Connection c) throws SQLException;

    abstract void unlockMigrations(Connection c) throws SQLException;

    /** After rows were inserted with their ids: new rows of {@code table} get ids after them ({@code column} nullable). */
    abstract void resetIdentity(Connection c, String table, String column) throws SQLException;
}
