/**
 * Simulated RSS 2.0 and Atom feeds ({@link de.wachposten.simulator.rss.RssSimulator}) with conditional GET, Basic
 * auth, redirects and the fault injection of the shared simulator; {@link de.wachposten.simulator.rss.FeedState}
 * also holds the entries of the simulated YouTube channel feeds.
 */
package de.wachposten.simulator.rss;
