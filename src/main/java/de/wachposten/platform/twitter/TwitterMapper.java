package de.wachposten.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.model.Media;
import de.wachposten.model.Post;
import de.wachposten.platform.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns X API v2 post objects into {@link Post}s.
 *
 * <ul>
 *   <li>Text: {@code note_tweet.text} (the full text of long posts) when present, else {@code text}; {@code t.co}
 *       links replaced by their {@code expanded_url}; links to attached media and the "read more" link of a cut text
 *       removed; {@code &amp;}, {@code &lt;}, {@code &gt;} decoded.</li>
 *   <li>Edits: an edited post is a new id whose {@code edit_history_tweet_ids} (or {@code edit_history_post_ids})
 *       lists earlier ids; it becomes a new version of the original: platform id = the first id of the history,
 *       {@code editedAt} = this version's {@code created_at}, {@code publishedAt} = the original's time (read from its
 *       snowflake id).</li>
 *   <li>Client: always null; X does not expose the posting client since it removed {@code source} (2022-12-20).</li>
 * </ul>
 * Reply, quote and repost flags come from {@code referenced_tweets} ({@code replied_to}, {@code quoted},
 * {@code retweeted}); media from {@code attachments.media_keys} looked up in the response's {@code includes.media}.
 */
final class TwitterMapper {
    /** X's snowflake epoch: 2010-11-04T01:42:54.657Z. */
    static final long SNOWFLAKE_EPOCH_MS = 1288834974657L;
    private static final Pattern MEDIA_LINK = Pattern.compile("^https?://(x|twitter)\\.com/[^/]+/status/\\d+/(photo|video)/\\d+$");
    private static final Pattern SELF_LINK = Pattern.compile("^https?://(x|twitter)\\.com/i/web/status/\\d+$");

    private final String channelId;
    private final Clock clock;

    /** A post object of an unexpected shape; the message is the JSON path and what was expected. */
    static final class ShapeException extends RuntimeException {
        ShapeException(String message) {
            super(message, null, false, false);
        }
    }

    TwitterMapper(String channelId, Clock clock) {
        this.channelId = channelId;
        this.clock = clock;
    }

    /** Maps one post object found at {@code where} (a JSON path) of a response without {@code includes}. */
    Post toPost(JsonNode tweet, String where, String username) {
        return toPost(tweet, where, username, null);
    }

    /** Maps one post object; {@code includedMedia} is the response's {@code includes.media} array, or null. */
    Post toPost(JsonNode tweet, String where, String username, JsonNode includedMedia) {
        String id = id(tweet, where);
        List<String> history = history(tweet);
        String platformId = history.isEmpty() ? id : history.getFirst();
        Instant createdAt = instant(tweet, "created_at", where);
        boolean edited = history.size() > 1;
        Instant publishedAt = edited ? originalTime(platformId, createdAt) : createdAt;
        JsonNode note = tweet.path("note_tweet");
        boolean long_ = note.path("text").isTextual();
        String raw = long_ ? note.path("text").asText() : textOf(tweet, where);
        JsonNode urls = (long_ ? note : tweet).path("entities").path("urls");
        List<String> links = new ArrayList<>();
        String text = decode(expand(raw, urls, links)).strip();
        String lang = tweet.path("lang").asText(null);
        String language = lang == null || lang.equals("und") || lang.equals("zxx") ? null : lang;
        String url = "https://x.com/" + username + "/status/" + platformId;
        return new Post(channelId, TwitterConnector.PLATFORM, platformId, url, username, text, publishedAt,
                edited ? createdAt : null, null, language, links, clock.instant(), tweet.toString())
                .withShape(referenced(tweet, "replied_to"), referenced(tweet, "retweeted"), referenced(tweet, "quoted"),
                        media(tweet, includedMedia));
    }

    private static boolean referenced(JsonNode tweet, String type) {
        for (JsonNode ref : tweet.path("referenced_tweets")) {
            if (type.equals(ref.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The attached media in key order; a key missing from {@code includes} still counts, without URL. */
    static List<Media> media(JsonNode tweet, JsonNode includedMedia) {
        List<Media> out = new ArrayList<>();
        for (JsonNode key : tweet.path("attachments").path("media_keys")) {
            JsonNode found = null;
            if (includedMedia != null) {
                for (JsonNode m : includedMedia) {
                    if (key.asText().equals(m.path("media_key").asText())) {
                        found = m;
                    }
                }
            }
            if (found == null) {
                out.add(new Media("other", null, null));
                continue;
            }
            String url = found.path("url").asText(found.path("preview_image_url").asText(null));
            out.add(new Media(Media.typeOf(found.path("type").asText(null)), url, found.path("alt_text").asText(null)));
        }
        return out;
    }

    /** The profile fields of a user object: display name, bio, avatar and link. */
    static Profile toProfile(JsonNode user) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("display_name", user.path("name").asText(""));
        fields.put("note", decode(user.path("description").asText("")));
        fields.put("avatar", user.path("profile_image_url").asText(""));
        JsonNode expanded = user.path("entities").path("url").path("urls").path(0).path("expanded_url");
        fields.put("links", expanded.isTextual() ? expanded.asText() : user.path("url").asText(""));
        return new Profile(fields);
    }

    /** The post's id; required. */
    static String id(JsonNode tweet, String where) {
        JsonNode id = tweet.path("id");
        if (!tweet.isObject() || !id.isTextual() || !id.asText().matches("[0-9]{1,19}")) {
            throw new ShapeException(where + ".id: expected a numeric string id");
        }
        return id.asText();
    }

    /** The edit history, oldest first; either spelling of the field. */
    static List<String> history(JsonNode tweet) {
        JsonNode h = tweet.has("edit_history_tweet_ids") ? tweet.path("edit_history_tweet_ids")
                : tweet.path("edit_history_post_ids");
        List<String> ids = new ArrayList<>();
        h.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    /** The time encoded in a snowflake id, if it is plausible (not after {@code fallback}); else {@code fallback}. */
    static Instant originalTime(String id, Instant fallback) {
        try {
            long ms = (Long.parseLong(id) >> 22) + SNOWFLAKE_EPOCH_MS;
            Instant t = Instant.ofEpochMilli(ms);
            return t.isAfter(fallback) || ms <= SNOWFLAKE_EPOCH_MS ? fallback : t;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Replaces {@code t.co} links by their expansion; media and "read more" links are dropped from the text. */
    static String expand(String text, JsonNode urls, List<String> links) {
        String out = text;
        for (JsonNode u : urls) {
            String tco = u.path("url").asText("");
            String expanded = u.path("expanded_url").asText("");
            if (tco.isEmpty()) {
                continue;
            }
            if (u.has("media_key") || MEDIA_LINK.matcher(expanded).matches() || SELF_LINK.matcher(expanded).matches()) {
                out = out.replace(tco, "");
            } else if (!expanded.isEmpty()) {
                out = out.replace(tco, expanded);
                if (!links.contains(expanded)) {
                    links.add(expanded);
                }
            }
        }
        return out;
    }

    /** Decodes the three entities X escapes in text. */
    static String decode(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String textOf(JsonNode tweet, String where) {
        JsonNode text = tweet.path("text");
        if (!text.isTextual()) {
            throw new ShapeException(where + ".text: expected text");
        }
        return text.asText();
    }

    private static Instant instant(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new ShapeException(where + "." + field + ": expected an RFC 3339 time (request tweet.fields=" + field + ")");
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new ShapeException(where + "." + field + ": expected an RFC 3339 time, got '" + value.asText() + "'");
        }
    }
}
