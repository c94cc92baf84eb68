package de.wachposten.store.jdbc;

import de.wachposten.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/** Opens the shared store on PostgreSQL: a connection pool, the schema migrated under a lock. */
public final class PostgresStore {

    private PostgresStore() {}

    /**
     * Connects to the database of {@code options} and brings its schema to the latest version (one instance at a
     * time, under an advisory lock; the others wait, then find nothing to do).
     *
     * @param existing true for commands that read an archive: a database without a Wachposten store is refused
     *                 instead of being given an empty one
     * @param clock    time source for the migration log
     * @throws StoreException when the database cannot be reached, holds no store though {@code existing}, or was
     *                        written by a newer version; the message names the database (URL without parameters)
     */
    public static JdbcStore open(PostgresOptions options, boolean existing, Clock clock) {
        String where = options.where();
        PooledConnections pool;
        try {
            pool = PooledConnections.open(options);
        } catch (RuntimeException e) {
            throw new StoreException("open store " + where + ": " + rootMessage(e), e);
        }
        try (Connection c = pool.acquire("open store " + where)) {
            if (existing && !hasStore(c)) {
                throw new StoreException("store " + where + " holds no Wachposten store");
            }
            Migrations.migrate(c, Dialect.POSTGRESQL, where, clock);
        } catch (SQLException e) {
            pool.close();
            throw new StoreException("open store " + where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbcStore(pool, where);
    }

    private static boolean hasStore(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('schema_version') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
