package de.wachposten.platform.rss;

import de.wachposten.simulator.rss.RssSimulator;

/** The connector contract against an Atom feed. */
class AtomFeedContractTest extends RssContractBase {
    @Override
    RssSimulator.Format format() {
        return RssSimulator.Format.ATOM;
    }
}
