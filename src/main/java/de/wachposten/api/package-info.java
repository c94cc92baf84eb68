/**
 * The HTTP API (README, HTTP API): approvals with the server-side four-eyes rule, alerts, channels, the post archive,
 * plus the unauthenticated {@code /metrics} and {@code /health/*} endpoints.
 *
 * <p>Data enters through {@link de.wachposten.api.ApiServer}, which builds one Vert.x {@code Router}: every
 * {@code /api/v1} request passes {@link de.wachposten.api.Auth} (bearer token, compared as SHA-256 in constant time
 * against every configured user), then the body limit, then one handler class per resource. Handlers validate their
 * input first, check the caller's office and role through {@link de.wachposten.api.Access}, and run every
 * {@link de.wachposten.store.Store} call on a worker thread. Every error leaves as {@code application/problem+json}
 * (RFC 9457) built by {@link de.wachposten.api.Problems}; a bad field names the field.
 */
package de.wachposten.api;
