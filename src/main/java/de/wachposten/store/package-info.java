/**
 * Store SPI: everything the daemon keeps (cursors, every post version with its raw payload, approvals, findings,
 * alerts, the delivery outbox, the hash-chained audit log). Blocking by contract; callers run it on worker threads.
 * Implementations live in subpackages ({@code store.sqlite}).
 */
package de.wachposten.store;
