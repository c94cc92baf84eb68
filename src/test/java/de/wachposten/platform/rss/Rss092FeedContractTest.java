package de.wachposten.platform.rss;

import de.wachposten.simulator.rss.RssSimulator;

/** The connector contract for a RSS 0.92 feed: items without a date or a guid. */
class Rss092FeedContractTest extends RssContractBase {
    @Override
    RssSimulator.Format format() {
        return RssSimulator.Format.RSS_092;
    }
}
