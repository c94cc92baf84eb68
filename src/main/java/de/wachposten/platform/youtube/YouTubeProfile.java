package de.wachposten.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.platform.Profile;
import de.wachposten.platform.feed.Feed;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YouTube channel as a {@link Profile}.
 *
 * <p>With the Data API ({@code channels.list}, parts {@code snippet,brandingSettings}): {@code display_name}
 * (snippet.title), {@code username} (snippet.customUrl, the {@code @handle}), {@code note} (snippet.description),
 * {@code avatar} (the {@code default} thumbnail, else {@code high}) and {@code header}
 * (brandingSettings.image.bannerExternalUrl). The API exposes no channel links. Missing fields map to an empty
 * string. From the Atom feed alone only {@code display_name} (the feed's title) is visible: avatar, banner and
 * description are not in the feed.
 */
final class YouTubeProfile {
    private YouTubeProfile() {}

    /** The profile of one {@code youtube#channel} resource. */
    static Profile fromChannel(JsonNode channel) {
        JsonNode snippet = channel.path("snippet");
        JsonNode thumbnails = snippet.path("thumbnails");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("display_name", snippet.path("title").asText(""));
        fields.put("username", snippet.path("customUrl").asText(""));
        fields.put("note", snippet.path("description").asText(""));
        fields.put("avatar", thumbnails.path("default").path("url").asText(thumbnails.path("high").path("url")
                .asText("")));
        fields.put("header", channel.path("brandingSettings").path("image").path("bannerExternalUrl").asText(""));
        return new Profile(fields);
    }

    /** The display name from the feed's title; null (not seen) when the feed has no title. */
    static Profile fromFeed(Feed feed) {
        String title = feed.title() == null ? "" : feed.title().strip();
        return title.isEmpty() ? null : new Profile(Map.of("display_name", title));
    }
}
