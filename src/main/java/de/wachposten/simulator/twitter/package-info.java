/**
 * The X API v2 part of the platform simulator (README, X ({@code twitter})): user lookup by username, the user timeline
 * with {@code since_id} and {@code pagination_token} paging, bulk post lookup with partial {@code errors}, edits as new
 * ids with {@code edit_history_tweet_ids}, problem-details errors, {@code x-rate-limit-*} headers and a 401 without a
 * bearer token. Scripted through {@link de.wachposten.simulator.twitter.TwitterSimulator}.
 */
package de.wachposten.simulator.twitter;
