package de.wachposten.store.jdbc;

import de.wachposten.store.StoreException;
import de.wachposten.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store's transactions get their connection: one SQLite connection behind a lock
 * ({@link SingleConnection}) or a pool of PostgreSQL connections, one per transaction ({@link PooledConnections}).
 *
 * <p>Writers run in {@link #inTransaction} (serialised with every other appender of the audit chain, across
 * instances too) or {@link #inTransactionWithoutAudit} (for the few writes that append no audit record, such as an
 * outbox claim), readers in {@link #read}. A transaction that the database aborts because of a conflict with a
 * concurrent one (serialization failure, deadlock) runs again, at most {@value #MAX_ATTEMPTS} times in all.
 *
 * <p>A connection that breaks before a transaction's commit was sent (or during a read) leaves nothing written: the
 * database rolls such a transaction back. The work then runs again on another connection, at most
 * {@value #LOST_CONNECTION_ATTEMPTS} times in all; this covers a session the database ended because the instance sat
 * idle inside a transaction longer than allowed (a starved or paused process, see
 * {@link PooledConnections#IDLE_IN_TRANSACTION}). When the database cannot be reached (no connection to be had, the
 * connection broke again, or broke while committing, when nobody can tell whether the commit took effect) the
 * operation fails with a {@link StoreUnavailableException}; whether and when to try again is the caller's decision.
 * The first such failure is logged at WARN naming the store, the first success after it at INFO, so an outage is two
 * log lines however many operations fail meanwhile.
 */
abstract class Connections implements AutoCloseable {

    /** Work against a connection; it may run more than once when its transaction is retried. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Tries of one transaction before its conflict is reported. */
    static final int MAX_ATTEMPTS = 5;

    /** Tries of one operation whose connection broke before its commit. */
    static final int LOST_CONNECTION_ATTEMPTS = 3;

    /** A commit that failed: whether it took effect is unknown, so the transaction is not run again. */
    private static final class CommitFailed extends SQLException {
        CommitFailed(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    final Dialect dialect;
    private final String where;
    /** {@link System#nanoTime} when the store became unreachable; 0 while it is reachable. */
    private final AtomicLong unreachableSince = new AtomicLong();

    /** @param where the store's name in messages (the SQLite file, the PostgreSQL URL without its parameters) */
    Connections(Dialect dialect, String where) {
        this.dialect = dialect;
        this.where = where;
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
                T result = transaction ? transaction(c, chained, work) : work.run(c);
                reachable();
                return result;
            } catch (SQLException e) {
                if (attempt < MAX_ATTEMPTS && dialect.isConflict(e)) {
                    pause(attempt);
                    continue;
                }
                boolean connected = c != null; // the connection broke in use, not while it was being had
                if (connected && attempt < LOST_CONNECTION_ATTEMPTS && !(e instanceof CommitFailed)
                        && (isUnreachable(e) || isSessionEnded(e))) {
                    LOG.debug("store {}: {}: the connection broke before the commit ({}); running it again", where,
                            operation, e.getMessage());
                    pause(attempt);
                    continue;
                }
                if (isUnreachable(e)) {
                    unreachable(operation, e);
                    throw new StoreUnavailableException(operation + ": " + e.getMessage(), e);
                }
                throw new StoreException(operation + ": " + e.getMessage(), e);
            } finally {
                if (c != null) {
                    release(c);
                }
            }
        }
    }

    /**
     * True when {@code e} says the database could not be reached or the connection broke: a connection exception
     * (SQLSTATE class 08, or the pool found no connection in time) or the server shutting down (57P01-57P03).
     */
    static boolean isUnreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * True when the database ended the session because it sat idle inside a transaction for longer than allowed
     * (SQLSTATE 25P03): the transaction was rolled back.
     */
    static boolean isSessionEnded(SQLException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s && "25P03".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void unreachable(String operation, SQLException e) {
        if (unreachableSince.compareAndSet(0, Math.max(1, System.nanoTime()))) {
            LOG.warn("store {} is unreachable ({}: {}); store operations fail until it answers again", where,
                    operation, e.getMessage());
        }
    }

    private void reachable() {
        long since = unreachableSince.get();
        if (since != 0 && unreachableSince.compareAndSet(since, 0)) {
            LOG.info("store {} is reachable again after {} s", where,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since));
        }
    }

    private <T> T transaction(Connection c, boolean chained, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (chained) {
                dialect.lockAuditChain(c);
            }
            T result = work.run(c);
            try {
                c.commit();
            } catch (SQLException e) {
                throw new CommitFailed(e);
            }
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
