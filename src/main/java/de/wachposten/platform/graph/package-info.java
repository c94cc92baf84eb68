/**
 * What the Meta connectors (Facebook, Instagram) share: {@link de.wachposten.platform.graph.GraphConnector} (the
 * polling skeleton: list paging, deletion checks, profile schedule), {@link de.wachposten.platform.graph.GraphClient}
 * (bearer token, Graph error codes, throttling), {@link de.wachposten.platform.graph.GraphUsage} (usage headers),
 * {@link de.wachposten.platform.graph.GraphBudget} (one rate budget per token across channels),
 * {@link de.wachposten.platform.graph.GraphTime} ({@code +0000} timestamps) and
 * {@link de.wachposten.platform.graph.GraphProfile} (the account object as profile, stable CDN picture URLs). Imports
 * only the platform SPI, {@code platform.http} and {@code platform.feed}; the plugins import this package, never each
 * other.
 */
package de.wachposten.platform.graph;
