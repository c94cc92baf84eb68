package de.wachposten.store.jdbc;

import de.wachposten.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite store's single JDBC connection behind a lock: every transaction and every read holds the lock, so the
 * connection is never used by two threads at the same time (SQLite has one writer anyway).
 */
final class SingleConnection extends Connections {

    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private boolean closed;

    /** @param where the store's file, for messages */
    SingleConnection(Connection connection, String where) {
        super(Dialect.SQLITE, where);
        this.connection = connection;
    }

    @Override
    Connection acquire(String operation) {
        lock.lock();
        if (closed) {
            lock.unlock();
            throw new StoreException(operation + ": the store is closed");
        }
        return connection;
    }

    @Override
    void release(Connection c) {
        lock.unlock();
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
