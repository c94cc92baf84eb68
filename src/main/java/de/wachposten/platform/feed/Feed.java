package de.wachposten.platform.feed;

import java.util.List;

/**
 * A parsed RSS or Atom document.
 *
 * @param format    {@code rss} (RSS 0.9x/2.0), {@code rdf} (RSS 1.0) or {@code atom}
 * @param title     the feed's title, or an empty string
 * @param generator the feed-level generator (the CMS that wrote the feed, not a per-item client), or null
 * @param items     items in document order
 * @param about     what the feed says about itself besides its title (description, image, site link)
 */
public record Feed(String format, String title, String generator, List<FeedItem> items, About about) {
    /** A feed that says nothing about itself besides its title. */
    public Feed(String format, String title, String generator, List<FeedItem> items) {
        this(format, title, generator, items, About.NONE);
    }

    public Feed {
        items = List.copyOf(items);
        about = about == null ? About.NONE : about;
    }

    /**
     * The feed's own metadata, each an empty string when the feed has none.
     *
     * @param description RSS channel {@code <description>} (HTML as served) or Atom {@code <subtitle>} (plain text)
     * @param image       RSS {@code <image><url>}, Atom {@code <logo>}, else {@code <icon>}
     * @param link        RSS channel {@code <link>} or the Atom feed's alternate link
     */
    public record About(String description, String image, String link) {
        /** No metadata. */
        public static final About NONE = new About("", "", "");

        public About {
            description = description == null ? "" : description;
            image = image == null ? "" : image.strip();
            link = link == null ? "" : link.strip();
        }
    }
}
