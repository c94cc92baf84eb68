package de.wachposten.store.jdbc;

import de.wachposten.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Opens a store file: directories, connection, pragmas, integrity check and migrations. */
final class StoreFile {

    private StoreFile() {}

    /** An open, checked and migrated connection to {@code file}. */
    static Connection open(Path file, Clock clock) {
        String where = file.toString();
        createParent(file, where);
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file);
            configure(c);
            quickCheck(c, where);
            Migrations.migrate(c, Dialect.SQLITE, where, clock);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException(describe(where, e), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void createParent(Path file, String where) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException(where + ": cannot create directory " + parent + ": " + e.getMessage(), e);
        }
    }

    private static void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    private static void quickCheck(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no result";
            if (!"ok".equals(result)) {
                throw new StoreException(where + " is not a readable Wachposten store: integrity check reports '"
                        + result + "'");
            }
        }
    }

    private static String describe(String where, SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se) {
                int primary = se.getResultCode().code & 0xFF;
                if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
                    return where + " is not a readable Wachposten store: file is not a database";
                }
                if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                    return where + " is not a readable Wachposten store: database disk image is malformed";
                }
            }
        }
        return "open store " + where + ": " + e.getMessage();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the open already failed; that error is the one reported
            }
        }
    }
}
