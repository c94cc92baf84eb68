package de.wachposten.store.jdbc;

import java.nio.file.Path;
import java.time.Clock;

/** Opens the embedded store: one SQLite file, one connection behind a lock. */
public final class SqliteStore {

    private SqliteStore() {}

    /**
     * Opens (or creates) the store at {@code file}: creates parent directories, sets WAL journaling, full sync,
     * foreign keys and a 5 s busy timeout, checks the file's integrity and applies pending schema migrations.
     *
     * @param clock time source for the migration log
     * @throws de.wachposten.store.StoreException when the file is not a readable store, is damaged, or was written by
     *                                            a newer version; the message names the file
     */
    public static JdbcStore open(Path file, Clock clock) {
        return new JdbcStore(new SingleConnection(StoreFile.open(file, clock), file.toString()), file.toString());
    }
}
