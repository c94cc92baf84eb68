/**
 * HTTP plumbing shared by the polling connectors: {@link de.wachposten.platform.http.JsonGet} sends one GET with a
 * hard deadline and a streaming body limit and classifies every outcome into JSON or a
 * {@link de.wachposten.platform.PlatformException}; {@link de.wachposten.platform.http.RateHeaders} reads the
 * platforms' rate-limit headers. Connectors configure it with their header names and error-body reader.
 *
 * Also {@link
 * de.wachposten.platform.http.HttpFetch} (deadline, streamed body limit, manual redirects with loop detection,
 * status classification, credential scrubbing) and {@link de.wachposten.platform.http.LimitedBody}; both name a
 * request without a complete response, read a status and shorten details through {@code RequestFailures}. Imports
 * only the platform SPI.
 */
package de.wachposten.platform.http;
