package de.wachposten.platform.rss;

import de.wachposten.simulator.rss.RssSimulator;

/** The connector contract for a RSS 0.91 feed: a document type declaration, items without a date or a guid. */
class Rss091FeedContractTest extends RssContractBase {
    @Override
    RssSimulator.Format format() {
        return RssSimulator.Format.RSS_091;
    }
}
