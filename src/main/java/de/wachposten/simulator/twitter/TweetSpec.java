package de.wachposten.simulator.twitter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a simulated post says. URLs in {@code text} are shortened to {@code t.co} links with an entity carrying the
 * expansion; texts longer than 280 characters are cut and the full text goes into {@code note_tweet}.
 *
 * @param text       the text as the author typed it (plain; {@code &}, {@code <}, {@code >} are escaped on the wire)
 * @param createdAt  creation time
 * @param lang       language code, or null
 * @param references referenced posts as {@code type:id} ({@code replied_to}, {@code quoted}, {@code retweeted})
 * @param mediaKeys  attached media keys (photos), may be empty
 */
public record TweetSpec(String text, Instant createdAt, String lang, List<String> references, List<String> mediaKeys) {
    public TweetSpec {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        references = List.copyOf(references);
        mediaKeys = List.copyOf(mediaKeys);
    }

    /** A German post without references or media. */
    public static TweetSpec of(String text, Instant createdAt) {
        return new TweetSpec(text, createdAt, "de", List.of(), List.of());
    }
}
