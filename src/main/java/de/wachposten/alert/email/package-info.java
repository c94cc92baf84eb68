/**
 * The e-mail sink: SMTP through the Vert.x mail client, German and English templates with plain-text and HTML parts.
 * Imports only the alert SPI, {@code model} and {@code config}.
 */
package de.wachposten.alert.email;
