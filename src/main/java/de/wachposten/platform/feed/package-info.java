/**
 * Shared by the connectors of window-style sources (RSS/Atom, the YouTube channel feed, the Flickr feed) and by those
 * whose posts carry no reliable edit time: {@link de.wachposten.platform.feed.FeedReader} reads every RSS and Atom
 * dialect (through ROME, without external entities) into {@link de.wachposten.platform.feed.FeedItem}s (plain text
 * through {@link de.wachposten.text.HtmlText}), and {@link de.wachposten.platform.feed.ItemLedger} is the cursor that
 * tells new, edited and deleted items apart. Imports only the platform SPI; no platform package imports another.
 */
package de.wachposten.platform.feed;
