package de.wachposten.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One version of a post as a connector normalised it.
 *
 * @param channelId   the configured channel id (not the platform's account id)
 * @param platform    platform name, e.g. {@code mastodon}
 * @param platformId  the platform's id of the post; unique within the channel
 * @param url         public URL of the post, may be null
 * @param author      account name as shown on the platform
 * @param text        plain text (markup stripped, entities decoded)
 * @param publishedAt publication time as the platform states it, UTC
 * @param editedAt    time of the last edit the platform reports, or null
 * @param client      posting client/application if the platform exposes it, else null
 * @param language    language code the platform reports, or null
 * @param links       link targets found in the post (expanded where the payload allows)
 * @param seenAt      when this daemon fetched this version
 * @param rawJson     the raw platform payload of this post, kept as evidence
 * @param reply       the post answers another post (also a reply in one's own thread)
 * @param repost      the post re-shares another account's post (boost, retweet, repost) without own words
 * @param quote       the post quotes another post with own words
 * @param media       attached media, in the order of the payload; empty for none
 */
public record Post(
        String channelId,
        String platform,
        String platformId,
        String url,
        String author,
        String text,
        Instant publishedAt,
        Instant editedAt,
        String client,
        String language,
        List<String> links,
        Instant seenAt,
        String rawJson,
        boolean reply,
        boolean repost,
        boolean quote,
        List<Media> media) {

    /** A post without reply/repost/quote flags and without media (the shape before those fields existed). */
    public Post(String channelId, String platform, String platformId, String url, String author, String text,
                Instant publishedAt, Instant editedAt, String client, String language, List<String> links,
                Instant seenAt, String rawJson) {
        this(channelId, platform, platformId, url, author, text, publishedAt, editedAt, client, language, links,
                seenAt, rawJson, false, false, false, List.of());
    }

    public Post {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(seenAt, "seenAt");
        text = text == null ? "" : text;
        links = links == null ? List.of() : List.copyOf(links);
        rawJson = rawJson == null ? "{}" : rawJson;
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** A copy with another {@code seenAt}. */
    public Post withSeenAt(Instant at) {
        return new Post(channelId, platform, platformId, url, author, text, publishedAt, editedAt, client, language, links, at,
                rawJson, reply, repost, quote, media);
    }

    /** A copy with the given reply/repost/quote flags and media. */
    public Post withShape(boolean isReply, boolean isRepost, boolean isQuote, List<Media> attached) {
        return new Post(channelId, platform, platformId, url, author, text, publishedAt, editedAt, client, language, links,
                seenAt, rawJson, isReply, isRepost, isQuote, attached);
    }
}
