/**
 * Shared test kit: fakes and fixtures reused across packages and by the end-to-end tests — a mutable clock, an
 * in-memory outbox store, a Standard Webhooks receiver, sample alerts, a log capture and the simulator fixture the
 * connector tests stand on.
 */
package de.wachposten.testkit;
