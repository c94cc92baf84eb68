package de.wachposten.store.jdbc;

import de.wachposten.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the store's transactions get their connection: one SQLite connection behind a lock
 * ({@link SingleConnection}) or a pool of PostgreSQL connections, one per transaction ({@link PooledConnections}).
 *
 * <p>Writers run in {@link #inTransaction} (serialised with every other appender of the audit chain, across
 * instances too) or {@link #inTransactionWithoutAudit} (for the few writes that append no audit record, such as an
 * outbox claim), readers in {@link #read}. A transaction that the database aborts because of a conflict with a
 * concurrent one (serialization failure, deadlock) runs again, at most {@value #MAX_ATTEMPTS} times in all.
 */
abstract class Connections implements AutoCloseable {

    /** Work against a connection; it may run more than once when its transaction is retried. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Tries of one transaction before its conflict is reported. */
    static final int MAX_ATTEMPTS = 5;

    final Dialect dialect;

    Connections(Dialect dialect) {
        this.dialect = dialect;
    }

    /** A connection for {@code operation}; throws {@link de.wachposten.store.StoreException} when closed. */
    abstract Connection acquire(String operation) throws SQLException;

    /** Gives back what {@link #acquire} handed out. */
    abstract void release(Connection c);

    /**
     * Runs {@code work} as one transaction that may append audit records: the audit chain is locked first, then
     * commit on success, roll back on any exception. {@link SQLException}s become {@link StoreException}s naming
     * {@code operation}; other runtime exceptions pass through unchanged.
     */
    <T> T inTransaction(String operation, Work<T> work) {
        return run(operation, true, true, work);
    }

    /** As {@link #inTransaction} for work that appends no audit record, so it does not wait for the chain. */
    <T> T inTransactionWithoutAudit(String operation, Work<T> work) {
        return run(operation, true, false, work);
    }

    /** Runs read-only {@code work} in auto-commit mode. */
    <T> T read(String operation, Work<T> work) {
        return run(operation, false, false, work);
    }

    private <T> T run(String operation, boolean transaction, boolean chained, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection c = null;
            try {
                c = acquire(operation);
                return transaction ? transaction(c, chained, work) : work.run(c);
            } catch (SQLException e) {
                if (attempt < MAX_ATTEMPTS && dialect.isConflict(e)) {
                    pause(attempt);
                    continue;
                }
                throw new StoreException(operation + ": " + e.getMessage(), e);
            } finally {
                if (c != null) {
                    release(c);
                }
            }
        }
    }

    private <T> T transaction(Connection c, boolean chained, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (chained) {
                dialect.lockAuditChain(c);
            }
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            restoreAutoCommit(c);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // a broken connection: the pool discards it, the single connection reports it on its next use
        }
    }

    /** A short, growing pause before a retried transaction, so two conflicting ones do not meet again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying a transaction", e);
        }
    }

    @Override
    public abstract void close();
}
