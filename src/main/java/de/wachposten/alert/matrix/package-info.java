/**
 * The Matrix sink: an {@code m.notice} event sent with the client-server API, idempotent through its transaction id.
 * Imports only the alert SPI, {@code model} and {@code config}.
 */
package de.wachposten.alert.matrix;
