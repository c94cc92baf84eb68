package de.wachposten.platform.rss;

import de.wachposten.simulator.rss.RssSimulator;

/** The connector contract against an RSS 2.0 feed (no per-item edit time: edits are dated when seen). */
class Rss2FeedContractTest extends RssContractBase {
    @Override
    RssSimulator.Format format() {
        return RssSimulator.Format.RSS;
    }
}
