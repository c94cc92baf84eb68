/**
 * The Prometheus Alertmanager sink: {@code POST /api/v2/alerts}; Alertmanager then groups, silences and routes.
 * Imports only the alert SPI, {@code model} and {@code config}.
 */
package de.wachposten.alert.alertmanager;
