/**
 * The X (Twitter) API v2 connector: app-only bearer token, username resolved to a user id, the user timeline read with
 * {@code since_id} and {@code pagination_token}, edits as new versions of the original post, deletions from the
 * partial errors of a bulk lookup, and {@code x-rate-limit-*} windows shared per bearer token. X does not expose the
 * posting client (the {@code source} field was removed in December 2022), so posts carry {@code client = null}.
 */
package de.wachposten.platform.twitter;
