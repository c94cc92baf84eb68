package de.wachposten.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The longest post each platform accepts (twitter 280, bluesky 300, mastodon 500 by default, instagram 2,200,
 * facebook 63,206). A longer approved or drafted text is accepted, because the platform or the publishing tool may cut
 * it, but the response carries a warning.
 */
final class TextLimits {
    private static final Map<String, Integer> LIMITS = Map.of("twitter", 280, "bluesky", 300, "mastodon", 500,
            "instagram", 2_200, "facebook", 63_206);

    private TextLimits() {}

    /** Adds {@code warnings} to {@code body} when {@code text} is longer than {@code platform} allows. */
    static JsonObject warn(JsonObject body, String platform, String text) {
        Integer limit = LIMITS.get(platform);
        int length = text.codePointCount(0, text.length());
        if (limit != null && length > limit) {
            body.put("warnings", new JsonArray().add("text has " + length + " characters; " + platform + " allows "
                    + limit));
        }
        return body;
    }
}
