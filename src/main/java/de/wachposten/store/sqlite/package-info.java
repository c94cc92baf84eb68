/**
 * The embedded SQLite store: {@link de.wachposten.store.sqlite.SqliteStore} implements the
 * {@link de.wachposten.store.Store} SPI over one database file.
 *
 * <p>Data enters through {@code SqliteStore}; it opens the file ({@code StoreFile}: pragmas, integrity check,
 * {@code Migrations} from {@code db/sqlite/V<n>__<name>.sql}) and runs every call on one connection behind a lock
 * ({@code Db}), each state change as one transaction. Package-private repositories hold the SQL per concept: channels,
 * posts and their versions, approvals with their events, findings and alerts, the delivery outbox, and the
 * hash-chained audit log with its verifier.
 *
 * <p>Instants are stored as fixed-width ISO-8601 UTC text with nine fraction digits. Audit subjects are
 * {@code channel/platformId} for post, finding and alert events and {@code channel/approvals/id} for approval events,
 * so a channel prefix selects a channel's whole history.
 */
package de.wachposten.store.sqlite;
