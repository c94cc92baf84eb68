/**
 * The RSS/Atom connector. Data enters through {@link de.wachposten.platform.rss.RssConnector}: one conditional GET of
 * the feed URL per poll, parsed without external entities, compared with the item ledger cursor for new, edited and
 * deleted items. Imports the platform SPI, {@code platform.http}, {@code platform.feed}, {@code model} and
 * {@code config}.
 */
package de.wachposten.platform.rss;
