package de.wachposten.simulator.youtube;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The channel resources of the simulated Data API ({@code channels.list} with parts {@code snippet} and
 * {@code brandingSettings}): description, {@code @handle}, thumbnails and banner per channel; the title is the
 * channel's feed title. Not thread-safe: {@link YouTubeSimulator} calls it under its lock.
 */
final class ChannelProfiles {
    /** Fields a test may change besides the title. */
    static final Set<String> FIELDS = Set.of("description", "customUrl", "thumbnail", "banner");

    private final Map<String, Map<String, String>> byChannel = new HashMap<>();

    /** The default profile of a new channel. */
    void create(String channelId, String title) {
        String handle = "@" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("description", "Der offizielle Kanal: " + title);
        p.put("customUrl", handle);
        p.put("thumbnail", "https://yt3.ggpht.com/ytc/" + channelId.substring(2) + "A");
        p.put("banner", "https://yt3.googleusercontent.com/" + channelId.substring(2) + "B");
        byChannel.put(channelId, p);
    }

    /** Sets ({@code value} non-null) or removes one field. */
    void set(String channelId, String field, String value) {
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("no simulated YouTube channel field " + field + "; one of " + FIELDS
                    + " or title");
        }
        if (value == null) {
            byChannel.get(channelId).remove(field);
        } else {
            byChannel.get(channelId).put(field, value);
        }
    }

    /** The {@code youtube#channel} resource with the parts asked for. */
    JsonObject render(String channelId, String title, String parts) {
        Map<String, String> p = byChannel.get(channelId);
        String part = parts == null ? "" : parts;
        JsonObject channel = new JsonObject().put("kind", "youtube#channel").put("etag", "c" + p.hashCode())
                .put("id", channelId);
        if (part.contains("snippet")) {
            JsonObject snippet = new JsonObject().put("title", title).put("description", p.getOrDefault("description",
                    "")).put("publishedAt", "2012-03-01T10:00:00Z");
            if (p.containsKey("customUrl")) {
                snippet.put("customUrl", p.get("customUrl"));
            }
            if (p.containsKey("thumbnail")) {
                String t = p.get("thumbnail");
                snippet.put("thumbnails", new JsonObject()
                        .put("default", thumb(t + "=s88-c-k-c0x00ffffff-no-rj", 88))
                        .put("medium", thumb(t + "=s240-c-k-c0x00ffffff-no-rj", 240))
                        .put("high", thumb(t + "=s800-c-k-c0x00ffffff-no-rj", 800)));
            }
            snippet.put("localized", new JsonObject().put("title", title).put("description",
                    p.getOrDefault("description", ""))).put("country", "DE");
            channel.put("snippet", snippet);
        }
        if (part.contains("brandingSettings")) {
            JsonObject branding = new JsonObject().put("channel", new JsonObject().put("title", title)
                    .put("description", p.getOrDefault("description", "")).put("country", "DE"));
            if (p.containsKey("banner")) {
                branding.put("image", new JsonObject().put("bannerExternalUrl", p.get("banner")));
            }
            channel.put("brandingSettings", branding);
        }
        return channel;
    }

    /** A list response: the channel, or no {@code items} at all when there is none (as the API answers). */
    static JsonObject list(JsonObject channel) {
        JsonObject body = new JsonObject().put("kind", "youtube#channelListResponse").put("etag", "list")
                .put("pageInfo", new JsonObject().put("totalResults", channel == null ? 0 : 1).put("resultsPerPage", 5));
        return channel == null ? body : body.put("items", new JsonArray().add(channel));
    }

    private static JsonObject thumb(String url, int size) {
        return new JsonObject().put("url", url).put("width", size).put("height", size);
    }
}
