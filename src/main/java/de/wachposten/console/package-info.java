/**
 * The web console (README, "Console"): server-rendered pages for press offices on the API's port — sign-in with the
 * API token into a server-side session, the alert inbox with live arrival, the alert detail, and drafts under the
 * four-eyes rule. It decides nothing itself: acknowledging, four-eyes and late approval are the API's
 * {@link de.wachposten.api.Acknowledgement} and {@link de.wachposten.api.DraftDecisions}, access is
 * {@link de.wachposten.api.Access}. Templates live in {@code src/main/jte} and are compiled at build time.
 */
package de.wachposten.console;
