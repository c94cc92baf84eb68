/**
 * The generic webhook sink: POSTs the alert's JSON ({@link de.wachposten.alert.AlertJson}) to a configured URL, signed
 * per the Standard Webhooks convention ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}).
 *
 * <p>Data enters through {@link de.wachposten.alert.webhook.WebhookNotifier#send}, called by the outbox; the notifier
 * makes one attempt and classifies its failure, the outbox owns retries. {@link
 * de.wachposten.alert.webhook.StandardWebhooks} holds the signing scheme on its own so receivers (tests, the demo)
 * verify with the same code.
 */
package de.wachposten.alert.webhook;
