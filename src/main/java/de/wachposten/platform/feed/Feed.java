package de.wachposten.platform.feed;

import java.util.List;

/**
 * A parsed RSS or Atom document.
 *
 * @param format    {@code rss} (RSS 0.9x/2.0), {@code rdf} (RSS 1.0) or {@code atom}
 * @param title     the feed's title, or an empty string
 * @param generator the feed-level generator (the CMS that wrote the feed, not a per-item client), or null
 * @param items     items in document order
 */
public record Feed(String format, String title, String generator, List<FeedItem> items) {
    public Feed {
        items = List.copyOf(items);
    }
}
