/**
 * The Slack sink: an incoming-webhook message with {@code mrkdwn} blocks. Imports only the alert SPI, {@code model}
 * and {@code config}.
 */
package de.wachposten.alert.slack;
