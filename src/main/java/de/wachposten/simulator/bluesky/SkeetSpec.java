package de.wachposten.simulator.bluesky;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a simulated Bluesky post says. URLs in {@code text} become link facets; with {@code shortenLinks} the text
 * shows them shortened (host and path start, as the official app does) and only the facet has the full URL.
 *
 * @param text         the post text
 * @param createdAt    the client-set {@code record.createdAt}
 * @param indexedAt    when the AppView indexed it, or null for one second after {@code createdAt}
 * @param replyTo      the parent post's URI for a reply, or null
 * @param quote        the quoted post's URI, or null
 * @param imageAlts    alt texts of attached images (one image each), may be empty
 * @param shortenLinks whether the text shows links shortened
 */
public record SkeetSpec(String text, Instant createdAt, Instant indexedAt, String replyTo, String quote,
                        List<String> imageAlts, boolean shortenLinks) {
    public SkeetSpec {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        imageAlts = List.copyOf(imageAlts);
    }

    /** A plain post indexed one second after creation. */
    public static SkeetSpec of(String text, Instant createdAt) {
        return new SkeetSpec(text, createdAt, null, null, null, List.of(), false);
    }
}
