/**
 * Shared test kit: fakes and fixtures reused across packages and by the end-to-end tests — a mutable clock, an
 * in-memory outbox store, a Standard Webhooks receiver, sample alerts, a log capture, the simulator fixture the
 * connector tests stand on, and {@link de.wachposten.testkit.ExternalProgram} for tests that run Prometheus tools.
 */
package de.wachposten.testkit;
