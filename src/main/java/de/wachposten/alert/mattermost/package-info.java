/**
 * The Mattermost sink: an incoming-webhook message in escaped Markdown. Imports only the alert SPI, {@code model} and
 * {@code config}.
 */
package de.wachposten.alert.mattermost;
