package de.wachposten.platform.feed;

import de.wachposten.model.Media;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a window-style source (feed item, video, photo), before it becomes a post.
 *
 * @param id        the item's stable key (RSS guid, Atom id, video id…)
 * @param url       its public URL, or null
 * @param author    author as the source names it, or null
 * @param text      plain text (title and body, markup stripped)
 * @param links     link targets in the item
 * @param published publication time, or null when the source gives none
 * @param updated   the source's own last-change time (Atom {@code updated}), or null
 * @param raw       the raw payload as JSON, kept as evidence
 * @param media     attached media (enclosures, Media RSS content, the photo or video itself)
 */
public record FeedItem(String id, String url, String author, String text, List<String> links, Instant published,
                       Instant updated, String raw, List<Media> media) {

    /** An item without media. */
    public FeedItem(String id, String url, String author, String text, List<String> links, Instant published,
                    Instant updated, String raw) {
        this(id, url, author, text, links, published, updated, raw, List.of());
    }

    /** A copy with {@code attached} as its media. */
    public FeedItem withMedia(List<Media> attached) {
        return new FeedItem(id, url, author, text, links, published, updated, raw, attached);
    }

    public FeedItem {
        Objects.requireNonNull(id, "id");
        text = text == null ? "" : text;
        links = links == null ? List.of() : List.copyOf(links);
        raw = raw == null ? "{}" : raw;
        media = media == null ? List.of() : List.copyOf(media);
    }
}
