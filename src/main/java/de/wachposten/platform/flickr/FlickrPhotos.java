package de.wachposten.platform.flickr;

import de.wachposten.model.Media;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.feed.FeedDates;
import de.wachposten.platform.feed.FeedItem;
import de.wachposten.text.HtmlText;
import de.wachposten.platform.http.HttpFetch;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps Flickr's two JSON shapes to {@link FeedItem}s: the public feed ({@code items[]} with {@code link},
 * {@code published}, HTML {@code description}) and {@code flickr.people.getPublicPhotos} ({@code photos.photo[]} with
 * the extras {@code dateupload}, {@code lastupdate}, {@code description._content}). Reads the feed's JSON leniently:
 * Flickr escapes single quotes as {@code \'}, which strict JSON forbids.
 */
final class FlickrPhotos {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER);
    private static final Pattern PHOTO_ID = Pattern.compile("/photos/[^/]+/(\\d+)");
    private static final Pattern BOILERPLATE = Pattern.compile(
            "<p>\\s*<a [^>]*>[^<]*</a>\\s*posted a (?:photo|video):\\s*</p>", Pattern.CASE_INSENSITIVE);

    private FlickrPhotos() {}

    static JsonNode parse(HttpFetch http, HttpFetch.Response r) {
        String type = r.contentType();
        String typeNote = type.isEmpty() || type.contains("json") ? "" : " (content type " + type + ")";
        try {
            JsonNode node = JSON.readTree(r.body());
            if (node == null || !node.isObject()) {
                throw http.failure(Reason.MALFORMED, "malformed JSON at $ of " + r.request()
                        + ": expected an object" + typeNote, null);
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "unknown position" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw http.failure(Reason.MALFORMED, "malformed JSON at " + where + " of " + r.request() + typeNote
                    + ": " + HttpFetch.shorten(e.getOriginalMessage()), null);
        } catch (IOException e) {
            throw http.failure(Reason.MALFORMED, "malformed JSON in " + r.request() + typeNote, null);
        }
    }

    /** The items of the public feed. */
    static List<FeedItem> fromFeed(HttpFetch http, JsonNode feed, String request) {
        JsonNode items = feed.path("items");
        if (!items.isArray()) {
            throw http.failure(Reason.MALFORMED, "malformed JSON at $.items of " + request + ": expected an array", null);
        }
        List<FeedItem> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String link = item.path("link").asText("");
            Matcher m = PHOTO_ID.matcher(link);
            Instant published = FeedDates.parse(item.path("published").asText(""));
            if (!m.find() || published == null) {
                throw http.failure(Reason.MALFORMED, "malformed JSON at $.items[" + i + "] of " + request
                        + ": expected a photo link and a published date", null);
            }
            String description = BOILERPLATE.matcher(item.path("description").asText("")).replaceAll("");
            out.add(new FeedItem(m.group(1), link, item.path("author").asText(null), join(item.path("title")
                    .asText(""), HtmlText.toPlainText(description)), HtmlText.links(description), published, null,
                    item.toString(), List.of(new Media("image", item.path("media").path("m").asText(null), null))));
        }
        return out;
    }

    /** The photos of one {@code getPublicPhotos} page; {@code owner} names the account for the URL. */
    static List<FeedItem> fromApi(HttpFetch http, JsonNode photos, String owner, String request) {
        JsonNode list = photos.path("photo");
        if (!list.isArray()) {
            throw http.failure(Reason.MALFORMED, "malformed JSON at $.photos.photo of " + request
                    + ": expected an array", null);
        }
        List<FeedItem> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String id = p.path("id").asText("");
            long uploaded = seconds(p.path("dateupload"));
            if (id.isEmpty() || uploaded < 0) {
                throw http.failure(Reason.MALFORMED, "malformed JSON at $.photos.photo[" + i + "] of " + request
                        + ": expected id and dateupload (extras=date_upload)", null);
            }
            long updated = seconds(p.path("lastupdate"));
            String description = p.path("description").path("_content").asText("");
            out.add(new FeedItem(id, "https://www.flickr.com/photos/" + owner + "/" + id + "/", owner,
                    join(p.path("title").asText(""), HtmlText.toPlainText(description)), HtmlText.links(description),
                    Instant.ofEpochSecond(uploaded), updated > uploaded ? Instant.ofEpochSecond(updated) : null,
                    p.toString(), List.of(new Media(p.path("media").asText("photo").equals("video") ? "video" : "image",
                    p.path("url_m").asText(p.path("url_o").asText(null)), null))));
        }
        return out;
    }

    private static long seconds(JsonNode n) {
        String v = n.asText("");
        return v.matches("\\d{1,12}") ? Long.parseLong(v) : -1;
    }

    private static String join(String title, String body) {
        String t = title.strip();
        String b = body.strip();
        return t.isEmpty() ? b : b.isEmpty() || b.startsWith(t) ? (b.isEmpty() ? t : b) : t + "\n\n" + b;
    }

    /** Flickr's API error ({@code stat: fail}) as a failure: 100 invalid key = auth, 105 = server, 1 = not found. */
    static PlatformException apiError(HttpFetch http, JsonNode body, String request) {
        int code = body.path("code").asInt(-1);
        String message = body.path("message").asText("");
        Reason reason = switch (code) {
            case 1, 2 -> Reason.NOT_FOUND;
            case 95, 96, 97, 98, 99, 100 -> Reason.AUTH;
            case 105, 106 -> Reason.SERVER_ERROR;
            default -> Reason.CLIENT_ERROR;
        };
        return http.failure(reason, "Flickr error " + code + " on " + request + " (" + HttpFetch.shorten(message)
                + ")", null);
    }
}
