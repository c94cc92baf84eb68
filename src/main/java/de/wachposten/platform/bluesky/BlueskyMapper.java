package de.wachposten.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.model.Media;
import de.wachposten.model.Post;
import de.wachposten.platform.Profile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns AppView {@code postView}s into {@link Post}s.
 *
 * <ul>
 *   <li>Text: {@code record.text} with every link facet's byte range replaced by the facet's full URI (the text may
 *       show a shortened link); facets with ranges outside the text are ignored. Links: link facets, then the
 *       {@code external} embed's URI.</li>
 *   <li>Time: {@code record.createdAt} is set by the client and may be anything. The publication time is
 *       {@code createdAt} when it lies within the configured skew of {@code indexedAt} (the AppView's own time), else
 *       {@code indexedAt}, so a back- or forward-dated post is judged at the time it really appeared; the raw payload
 *       keeps both.</li>
 *   <li>Client: always null; the post record has no client field.</li>
 *   <li>Flags and media: reply when the record has {@code reply}; quote when its {@code embed} is a record (with or
 *       without media); media from the view's {@code embed} (images, video), else from the record's embed without
 *       URL.</li>
 * </ul>
 */
final class BlueskyMapper {
    private final String channelId;
    private final Clock clock;
    private final Duration skew;

    /** A post of an unexpected shape; the message is the JSON path and what was expected. */
    static final class ShapeException extends RuntimeException {
        ShapeException(String message) {
            super(message, null, false, false);
        }
    }

    BlueskyMapper(String channelId, Clock clock, Duration skew) {
        this.channelId = channelId;
        this.clock = clock;
        this.skew = skew;
    }

    /** Maps the {@code postView} at {@code where}; {@code editedAt} is null unless the caller knows of a rewrite. */
    Post toPost(JsonNode post, String where, Instant editedAt) {
        String uri = text(post, "uri", where);
        JsonNode record = post.path("record");
        if (!record.isObject()) {
            throw new ShapeException(where + ".record: expected the post record");
        }
        Instant createdAt = instant(record, "createdAt", where + ".record");
        Instant indexedAt = instant(post, "indexedAt", where);
        Instant published = Duration.between(createdAt, indexedAt).abs().compareTo(skew) <= 0 ? createdAt : indexedAt;
        List<String> links = new ArrayList<>();
        String text = withLinks(text(record, "text", where + ".record"), record.path("facets"), links);
        JsonNode external = record.path("embed").path("external").path("uri");
        if (external.isTextual() && !links.contains(external.asText())) {
            links.add(external.asText());
        }
        String handle = post.path("author").path("handle").asText("");
        String language = record.path("langs").path(0).asText(null);
        String rkey = uri.substring(uri.lastIndexOf('/') + 1);
        String url = "https://bsky.app/profile/" + (handle.isEmpty() ? didOf(uri) : handle) + "/post/" + rkey;
        String embedType = record.path("embed").path("$type").asText("");
        return new Post(channelId, BlueskyConnector.PLATFORM, uri, url, handle, text, published, editedAt, null,
                language, links, clock.instant(), post.toString())
                .withShape(record.path("reply").isObject(), false, embedType.equals("app.bsky.embed.record")
                        || embedType.equals("app.bsky.embed.recordWithMedia"), media(post.path("embed"),
                        record.path("embed")));
    }

    /** Images and video of an embed view ({@code fullsize}, {@code playlist}), else of the record's embed. */
    static List<Media> media(JsonNode view, JsonNode recordEmbed) {
        JsonNode v = view.has("media") ? view.path("media") : view;
        JsonNode r = recordEmbed.has("media") ? recordEmbed.path("media") : recordEmbed;
        JsonNode source = v.isObject() ? v : r;
        List<Media> out = new ArrayList<>();
        for (JsonNode image : source.path("images")) {
            out.add(new Media("image", image.path("fullsize").asText(null), image.path("alt").asText(null)));
        }
        String type = source.path("$type").asText("");
        if (type.startsWith("app.bsky.embed.video")) {
            out.add(new Media("video", source.path("playlist").asText(null), source.path("alt").asText(null)));
        }
        return out;
    }

    /**
     * Maps a repost by the channel's account (a feed item with {@code reason} {@code #reasonRepost}), as Mastodon
     * boosts are mapped: platform id = the repost record's URI ({@code reason.uri}; without it
     * {@code repost:<by did>:<post uri>}), text {@code RT @<author>: <text>}, published at the repost's
     * {@code indexedAt}, URL of the reposted post.
     */
    Post toRepost(JsonNode item, String where) {
        JsonNode reason = item.path("reason");
        Post original = toPost(item.path("post"), where + ".post", null);
        String by = reason.path("by").path("did").asText("");
        String id = reason.path("uri").isTextual() ? reason.path("uri").asText() : "repost:" + by + ":"
                + original.platformId();
        Instant at = instant(reason, "indexedAt", where + ".reason");
        String author = reason.path("by").path("handle").asText(by);
        return new Post(channelId, BlueskyConnector.PLATFORM, id, original.url(), author,
                "RT @" + original.author() + ": " + original.text(), at, null, null, original.language(),
                original.links(), clock.instant(), item.toString())
                .withShape(original.reply(), true, original.quote(), original.media());
    }

    /** True for a feed item that is a repost (not a pin). */
    static boolean isRepost(JsonNode item) {
        return item.path("reason").path("$type").asText("").equals("app.bsky.feed.defs#reasonRepost");
    }

    /** The profile fields of a {@code profileViewDetailed}. */
    static Profile toProfile(JsonNode profile) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("display_name", profile.path("displayName").asText(""));
        fields.put("note", profile.path("description").asText(""));
        fields.put("avatar", profile.path("avatar").asText(""));
        fields.put("header", profile.path("banner").asText(""));
        return new Profile(fields);
    }

    /** {@code record.text} with link facets expanded to their full URIs. */
    static String withLinks(String text, JsonNode facets, List<String> links) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<int[]> ranges = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        for (JsonNode facet : facets) {
            int start = facet.path("index").path("byteStart").asInt(-1);
            int end = facet.path("index").path("byteEnd").asInt(-1);
            for (JsonNode feature : facet.path("features")) {
                if (feature.path("$type").asText("").equals("app.bsky.richtext.facet#link")
                        && feature.path("uri").isTextual()) {
                    String uri = feature.path("uri").asText();
                    if (!links.contains(uri)) {
                        links.add(uri);
                    }
                    if (start >= 0 && end > start && end <= bytes.length) {
                        ranges.add(new int[] {start, end, uris.size()});
                        uris.add(uri);
                    }
                }
            }
        }
        ranges.sort(Comparator.comparingInt((int[] r) -> r[0]));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] r : ranges) {
            if (r[0] < at) {
                continue; // overlapping facets: keep the first
            }
            out.append(new String(bytes, at, r[0] - at, StandardCharsets.UTF_8)).append(uris.get(r[2]));
            at = r[1];
        }
        return out.append(new String(bytes, at, bytes.length - at, StandardCharsets.UTF_8)).toString();
    }

    static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new ShapeException(where + "." + field + ": expected text");
        }
        return value.asText();
    }

    static Instant instant(JsonNode node, String field, String where) {
        String value = text(node, field, where);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw new ShapeException(where + "." + field + ": expected an RFC 3339 time, got '" + value + "'");
            }
        }
    }

    private static String didOf(String uri) {
        String rest = uri.startsWith("at://") ? uri.substring(5) : uri;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
