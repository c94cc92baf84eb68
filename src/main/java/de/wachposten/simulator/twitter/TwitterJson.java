package de.wachposten.simulator.twitter;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders simulated posts and errors in the X API v2 wire format. */
final class TwitterJson {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final int MAX_TEXT = 280;
    private static final int TCO_LENGTH = 23;

    private TwitterJson() {}

    /** One version of a post with the default and requested fields. */
    static JsonObject tweet(TwitterSimulator.Chain chain, TwitterSimulator.Version v) {
        Rendered r = render(v.spec().text(), v.id());
        JsonObject t = new JsonObject().put("id", Long.toString(v.id())).put("text", r.text())
                .put("created_at", TIME.format(v.spec().createdAt())).put("author_id", chain.userId)
                .put("conversation_id", Long.toString(chain.conversationId));
        JsonArray history = new JsonArray();
        chain.versions.forEach(x -> history.add(Long.toString(x.id())));
        t.put("edit_history_tweet_ids", history);
        Instant editableUntil = chain.versions.getFirst().spec().createdAt().plusSeconds(30 * 60);
        t.put("edit_controls", new JsonObject().put("is_edit_eligible", true)
                .put("editable_until", TIME.format(editableUntil)).put("edits_remaining", 6 - chain.versions.size()));
        if (v.spec().lang() != null) {
            t.put("lang", v.spec().lang());
        }
        if (!r.urls().isEmpty()) {
            t.put("entities", new JsonObject().put("urls", r.urls()));
        }
        if (r.noteText() != null) {
            JsonObject note = new JsonObject().put("text", escape(v.spec().text()));
            if (!r.noteUrls().isEmpty()) {
                note.put("entities", new JsonObject().put("urls", r.noteUrls()));
            }
            t.put("note_tweet", note);
        }
        if (!v.spec().references().isEmpty()) {
            JsonArray refs = new JsonArray();
            for (String ref : v.spec().references()) {
                int colon = ref.indexOf(':');
                refs.add(new JsonObject().put("type", ref.substring(0, colon)).put("id", ref.substring(colon + 1)));
            }
            t.put("referenced_tweets", refs);
        }
        if (!v.spec().mediaKeys().isEmpty()) {
            t.put("attachments", new JsonObject().put("media_keys", new JsonArray(new ArrayList<>(v.spec().mediaKeys()))));
        }
        return t;
    }

    /** The {@code includes.media} entry of a photo. */
    static JsonObject media(String key) {
        return new JsonObject().put("media_key", key).put("type", "photo")
                .put("url", "https://pbs.twimg.com/media/" + key.replace('_', 'x') + ".jpg");
    }

    /** A problem-details error body. */
    static JsonObject problem(int status, String title, String detail, String type) {
        return new JsonObject().put("title", title).put("detail", detail).put("type", type).put("status", status);
    }

    /** A partial error for a resource that does not exist. */
    static JsonObject notFound(String resourceType, String parameter, String value) {
        String what = resourceType.equals("user") && parameter.equals("username") ? "user with username"
                : resourceType + " with id";
        return new JsonObject().put("value", value).put("detail", "Could not find " + what + ": [" + value + "].")
                .put("title", "Not Found Error").put("resource_type", resourceType).put("parameter", parameter)
                .put("resource_id", value).put("type", "https://api.x.com/2/problems/resource-not-found");
    }

    /** Text with URLs shortened, long texts cut with a link to the full post, and entities. */
    record Rendered(String text, JsonArray urls, String noteText, JsonArray noteUrls) {}

    static Rendered render(String original, long id) {
        JsonArray noteUrls = new JsonArray();
        String shortened = shorten(original, id, noteUrls);
        if (original.codePointCount(0, original.length()) <= MAX_TEXT) {
            return new Rendered(escape(shortened), noteUrls, null, new JsonArray());
        }
        String cut = cut(shortened, MAX_TEXT - TCO_LENGTH - 2);
        String self = "https://t.co/n" + Long.toString(id, 36);
        JsonArray urls = new JsonArray();
        for (Object u : noteUrls) {
            if (cut.contains(((JsonObject) u).getString("url"))) {
                urls.add(u);
            }
        }
        String text = cut + "… " + self;
        int start = text.codePointCount(0, text.length() - self.length());
        urls.add(new JsonObject().put("start", start).put("end", start + self.length()).put("url", self)
                .put("expanded_url", "https://twitter.com/i/web/status/" + id).put("display_url", "twitter.com/i/web/status/1…"));
        return new Rendered(escape(text), urls, original, noteUrls);
    }

    private static String shorten(String text, long id, JsonArray entities) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (m.find()) {
            String expanded = m.group();
            String tco = "https://t.co/" + Long.toString(id % 100_000_000L, 36) + "u" + n++;
            m.appendReplacement(out, "");
            int start = out.codePointCount(0, out.length());
            out.append(tco);
            entities.add(new JsonObject().put("start", start).put("end", start + tco.length()).put("url", tco)
                    .put("expanded_url", expanded).put("display_url", expanded.replaceFirst("^https?://(www\\.)?", "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String cut(String text, int codePoints) {
        List<Integer> cps = text.codePoints().boxed().toList();
        StringBuilder b = new StringBuilder();
        cps.subList(0, Math.min(codePoints, cps.size())).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** X escapes these three characters in post text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
