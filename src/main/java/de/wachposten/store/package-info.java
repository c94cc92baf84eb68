/**
 * Store SPI: everything the daemon keeps (cursors, every post version with its raw payload, approvals, findings,
 * alerts, the delivery outbox, the hash-chained audit log). Blocking by contract; callers run it on worker threads.
 * The implementation lives in {@code store.jdbc} (SQLite and PostgreSQL).
 */
package de.wachposten.store;
