/**
 * HTTP support shared by the connectors that need nothing platform-specific for it: {@link
 * de.wachposten.platform.http.HttpFetch} (deadline, streamed body limit, manual redirects with loop detection,
 * status classification, credential scrubbing) and {@link de.wachposten.platform.http.LimitedBody}. Imports only the
 * platform SPI.
 */
package de.wachposten.platform.http;
