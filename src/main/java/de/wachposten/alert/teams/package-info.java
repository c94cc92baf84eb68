/**
 * The Microsoft Teams sink: an Adaptive Card posted to a Workflows webhook. Imports only the alert SPI,
 * {@code model} and {@code config}.
 */
package de.wachposten.alert.teams;
