package de.wachposten.simulator.bluesky;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders simulated posts and profiles in the AppView's wire format. */
final class BlueskyJson {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final int SHORT_LINK = 24;

    private BlueskyJson() {}

    /** A {@code postView}. */
    static JsonObject postView(BlueskySimulator.PostData p, BlueskySimulator.ActorData author) {
        SkeetSpec spec = p.spec;
        JsonObject record = record(spec);
        JsonObject view = new JsonObject().put("uri", p.uri).put("cid", p.cid).put("author", author(author))
                .put("record", record);
        if (!spec.imageAlts().isEmpty()) {
            JsonArray images = new JsonArray();
            for (int i = 0; i < spec.imageAlts().size(); i++) {
                String blob = "bafkreiimg" + p.rkey + i;
                images.add(new JsonObject().put("thumb", cdn("feed_thumbnail", author.did, blob))
                        .put("fullsize", cdn("feed_fullsize", author.did, blob)).put("alt", spec.imageAlts().get(i)));
            }
            view.put("embed", new JsonObject().put("$type", "app.bsky.embed.images#view").put("images", images));
        }
        return view.put("replyCount", 0).put("repostCount", 0).put("likeCount", 0).put("quoteCount", 0)
                .put("indexedAt", TIME.format(p.indexedAt)).put("labels", new JsonArray());
    }

    /** A {@code profileViewBasic}. */
    static JsonObject author(BlueskySimulator.ActorData a) {
        JsonObject o = new JsonObject().put("did", a.did).put("handle", a.handle).put("displayName", a.displayName);
        if (a.avatar != null) {
            o.put("avatar", a.avatar);
        }
        return o.put("labels", new JsonArray()).put("createdAt", "2024-11-12T09:00:00.000Z");
    }

    /** A {@code profileViewDetailed}. */
    static JsonObject profile(BlueskySimulator.ActorData a, int posts) {
        JsonObject o = author(a).put("description", a.description).put("followersCount", 120).put("followsCount", 3)
                .put("postsCount", posts).put("indexedAt", "2024-11-12T09:00:01.000Z");
        return a.banner == null ? o : o.put("banner", a.banner);
    }

    /** An XRPC error body. */
    static JsonObject error(String error, String message) {
        return new JsonObject().put("error", error).put("message", message);
    }

    static JsonObject record(SkeetSpec spec) {
        StringBuilder text = new StringBuilder();
        JsonArray facets = new JsonArray();
        Matcher m = URL.matcher(spec.text());
        int last = 0;
        while (m.find()) {
            text.append(spec.text(), last, m.start());
            String url = m.group();
            String shown = spec.shortenLinks() ? shorten(url) : url;
            int start = text.toString().getBytes(StandardCharsets.UTF_8).length;
            text.append(shown);
            int end = start + shown.getBytes(StandardCharsets.UTF_8).length;
            facets.add(new JsonObject().put("index", new JsonObject().put("byteStart", start).put("byteEnd", end))
                    .put("features", new JsonArray().add(new JsonObject()
                            .put("$type", "app.bsky.richtext.facet#link").put("uri", url))));
            last = m.end();
        }
        text.append(spec.text().substring(last));
        JsonObject record = new JsonObject().put("$type", "app.bsky.feed.post").put("text", text.toString())
                .put("createdAt", TIME.format(spec.createdAt())).put("langs", new JsonArray().add("de"));
        if (!facets.isEmpty()) {
            record.put("facets", facets);
        }
        if (spec.replyTo() != null) {
            JsonObject ref = new JsonObject().put("uri", spec.replyTo()).put("cid", "bafyreiparent");
            record.put("reply", new JsonObject().put("root", ref).put("parent", ref));
        }
        if (spec.quote() != null) {
            record.put("embed", new JsonObject().put("$type", "app.bsky.embed.record")
                    .put("record", new JsonObject().put("uri", spec.quote()).put("cid", "bafyreiquoted")));
        }
        return record;
    }

    private static String shorten(String url) {
        String bare = url.replaceFirst("^https?://", "");
        return bare.length() <= SHORT_LINK ? bare : bare.substring(0, SHORT_LINK - 3) + "...";
    }

    private static String cdn(String kind, String did, String blob) {
        return "https://cdn.bsky.app/img/" + kind + "/plain/" + did + "/" + blob + "@jpeg";
    }

    static String time(Instant t) {
        return TIME.format(t);
    }
}
