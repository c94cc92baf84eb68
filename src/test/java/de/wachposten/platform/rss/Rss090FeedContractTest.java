package de.wachposten.platform.rss;

import de.wachposten.simulator.rss.RssSimulator;

/** The connector contract for a RSS 0.90 (RDF) feed: items with a title and a link only. */
class Rss090FeedContractTest extends RssContractBase {
    @Override
    RssSimulator.Format format() {
        return RssSimulator.Format.RSS_090;
    }
}
