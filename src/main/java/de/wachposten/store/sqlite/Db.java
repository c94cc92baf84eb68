package de.wachposten.store.sqlite;

import de.wachposten.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's single JDBC connection behind a lock. Writers run in {@link #inTransaction}, readers in {@link #read};
 * both hold the lock, so the connection is never shared between threads at the same time.
 */
final class Db implements AutoCloseable {

    /** Work against the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private boolean closed;

    Db(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs {@code work} as one transaction: commit on success, roll back on any exception. {@link SQLException}s
     * become {@link StoreException}s naming {@code operation}; other runtime exceptions pass through unchanged.
     */
    <T> T inTransaction(String operation, Work<T> work) {
        lock.lock();
        try {
            ensureOpen(operation);
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(operation + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs read-only {@code work} in auto-commit mode. */
    <T> T read(String operation, Work<T> work) {
        lock.lock();
        try {
            ensureOpen(operation);
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(operation + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen(String operation) {
        if (closed) {
            throw new StoreException(operation + ": the store is closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("close store: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
