package de.wachposten.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The PostgreSQL store's connection pool (HikariCP): one connection per transaction or read. */
final class PooledConnections extends Connections {

    /**
     * How long a transaction may sit idle between its statements before the database ends the session. The store's
     * transactions send their statements back to back, so only a stopped or stalled instance (SIGSTOP, a long GC
     * pause, a cut network) gets there: its locks (the audit chain's advisory lock, a fenced write's lease row) are
     * freed after this long instead of holding up every other instance until it wakes. Short, because a stopped
     * instance usually has several transactions queued for the audit lock, and each of them gets it in turn and
     * then sits idle this long.
     */
    static final java.time.Duration IDLE_IN_TRANSACTION = java.time.Duration.ofSeconds(1);

    private final HikariDataSource pool;

    private PooledConnections(HikariDataSource pool, String where) {
        super(Dialect.POSTGRESQL, where);
        this.pool = pool;
    }

    /** Opens the pool; fails at once (with the driver's message) when the database cannot be reached. */
    static PooledConnections open(PostgresOptions o) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("wachposten-store");
        config.setJdbcUrl(o.jdbcUrl());
        config.setUsername(o.user());
        config.setPassword(o.password());
        config.setMaximumPoolSize(o.poolSize());
        config.setMinimumIdle(Math.min(2, o.poolSize()));
        config.setConnectionTimeout(Math.max(250, o.connectTimeout().toMillis()));
        config.setInitializationFailTimeout(Math.max(1, o.connectTimeout().toMillis()));
        config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, o.connectTimeout().toSeconds())));
        config.addDataSourceProperty("ApplicationName", "wachposten");
        config.setConnectionInitSql("SET statement_timeout = " + o.statementTimeout().toMillis()
                + "; SET idle_in_transaction_session_timeout = " + IDLE_IN_TRANSACTION.toMillis());
        return new PooledConnections(new HikariDataSource(config), o.where());
    }

    @Override
    Connection acquire(String operation) throws SQLException {
        if (pool.isClosed()) {
            throw new de.wachposten.store.StoreException(operation + ": the store is closed");
        }
        return pool.getConnection();
    }

    @Override
    void release(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the pool evicts a connection it cannot take back
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
