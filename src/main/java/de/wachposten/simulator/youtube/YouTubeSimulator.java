package de.wachposten.simulator.youtube;

import de.wachposten.simulator.Fault;
import de.wachposten.simulator.FaultPlayer;
import de.wachposten.simulator.SimResponse;
import de.wachposten.simulator.rss.FeedState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * YouTube channel feeds at {@code GET /feeds/videos.xml?channel_id=UC…} (README, Platforms: {@code youtube}): Atom
 * with the {@code yt:} and {@code media:} namespaces, the newest {@value #WINDOW} videos, {@code updated} moving on
 * title/description edits. The Data API v3 serves {@code playlistItems.list} and {@code channels.list} (the profile,
 * {@link ChannelProfiles}). Faults are keyed by channel id.
 */
public final class YouTubeSimulator implements FaultPlayer.ErrorStyle {
    /** Route name for request counts. */
    public static final String ROUTE_FEED = "youtube.feed";
    public static final String ROUTE_API = "youtube.api";
    public static final String ROUTE_CHANNELS = "youtube.channels";
    /** Videos a channel feed shows. */
    public static final int WINDOW = 15;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final Clock clock;
    private final FaultPlayer player;
    private final Supplier<String> baseUrl;
    private final FeedState state = new FeedState();
    private final DataApiStyle apiStyle = new DataApiStyle();
    private final ChannelProfiles profiles = new ChannelProfiles();
    private volatile String apiKey;
    private volatile boolean quotaExhausted;

    /** Used by {@link de.wachposten.simulator.PlatformSimulator}. */
    public YouTubeSimulator(Clock clock, FaultPlayer player, Supplier<String> baseUrl) {
        this.clock = clock;
        this.player = player;
        this.baseUrl = baseUrl;
    }

    /** Registers {@code GET /feeds/videos.xml}. */
    public void register(Router router) {
        router.get("/feeds/videos.xml").handler(this::feed);
        router.get("/youtube/v3/playlistItems").handler(this::playlistItems);
        router.get("/youtube/v3/channels").handler(this::channels);
    }

    /** The key the Data API accepts (null: any). */
    public void requireApiKey(String key) {
        apiKey = key;
    }

    /** Answers every Data API call with 403 {@code quotaExceeded} while true. */
    public void exhaustQuota(boolean exhausted) {
        quotaExhausted = exhausted;
    }

    /** Creates the channel {@code channelId} ({@code UC…}). */
    public synchronized void channel(String channelId, String title) {
        state.channel(channelId, title).window = WINDOW;
        profiles.create(channelId, title);
    }

    /**
     * Changes one profile field of a channel: {@code title} (also the feed's title), {@code description},
     * {@code customUrl}, {@code thumbnail} or {@code banner}; null removes it (not the title).
     */
    public synchronized void setProfile(String channelId, String field, String value) {
        FeedState.Channel c = state.find(channelId);
        if (c == null) {
            throw new IllegalArgumentException("unknown simulated YouTube channel " + channelId);
        }
        if (field.equals("title")) {
            c.title = value;
        } else {
            profiles.set(channelId, field, value);
        }
    }

    /** Uploads a public video; returns its 11-character video id. */
    public synchronized String publish(String channelId, String title, String description, Instant at) {
        FeedState.Channel c = state.find(channelId);
        if (c == null) {
            throw new IllegalArgumentException("unknown simulated YouTube channel " + channelId);
        }
        FeedState.Entry e = state.add(c, YouTubeSimulator::videoId, title, description, at);
        return e.id;
    }

    /** The video id of entry number {@code seq}: 11 characters from YouTube's alphabet. */
    static String videoId(long seq) {
        StringBuilder id = new StringBuilder("vid");
        long n = seq * 2654435761L;
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt((int) (n & 63)));
            n >>>= 6;
        }
        return id.toString();
    }

    /** Changes title and description; {@code updated} becomes {@code at}. */
    public synchronized void edit(String videoId, String title, String description, Instant at) {
        FeedState.Entry e = entry(videoId);
        e.title = title;
        e.body = description;
        e.updated = at;
    }

    /** Deletes (or makes private) a video: it leaves the feed. */
    public synchronized void delete(String videoId) {
        entry(videoId).deleted = true;
    }

    @Override
    public SimResponse error(int status) {
        return new SimResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<!DOCTYPE html><html lang=\"en\"><head><title>Error " + status + "</title></head><body>"
                        + "<p>We're sorry...</p></body></html>");
    }

    @Override
    public SimResponse rateLimited(Fault.RateLimited fault) {
        return error(429).withHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
    }

    private void feed(RoutingContext ctx) {
        String channelId = ctx.request().getParam("channel_id");
        player.serve(ctx, ROUTE_FEED, channelId, this, () -> render(channelId));
    }

    private void playlistItems(RoutingContext ctx) {
        var q = ctx.request();
        String playlist = q.getParam("playlistId");
        String channelId = playlist != null && playlist.startsWith("UU") ? "UC" + playlist.substring(2) : playlist;
        player.serve(ctx, ROUTE_API, channelId, apiStyle, () -> page(channelId, q.getParam("key"),
                q.getParam("pageToken"), q.getParam("maxResults")));
    }

    private void channels(RoutingContext ctx) {
        var q = ctx.request();
        String channelId = q.getParam("id");
        player.serve(ctx, ROUTE_CHANNELS, channelId, apiStyle, () -> channel(channelId, q.getParam("key"),
                q.getParam("part")));
    }

    private synchronized SimResponse channel(String channelId, String key, String parts) {
        SimResponse denied = deniedKey(key);
        if (denied != null) {
            return denied;
        }
        FeedState.Channel c = channelId == null ? null : state.find(channelId);
        return SimResponse.json(200, ChannelProfiles.list(c == null ? null : profiles.render(channelId, c.title, parts))
                .encode());
    }

    /** quotaExceeded while the quota is exhausted, keyInvalid for a wrong key, else null. */
    private SimResponse deniedKey(String key) {
        if (quotaExhausted) {
            return apiStyle.apiError(403, "quotaExceeded", "youtube.quota", "The request cannot be completed because "
                    + "you have exceeded your quota.");
        }
        if (apiKey != null && !apiKey.equals(key)) {
            return apiStyle.apiError(400, "keyInvalid", "usageLimits", "API key not valid. Please pass a valid API key.");
        }
        return null;
    }

    private synchronized SimResponse page(String channelId, String key, String pageToken, String maxResults) {
        SimResponse denied = deniedKey(key);
        if (denied != null) {
            return denied;
        }
        FeedState.Channel c = channelId == null ? null : state.find(channelId);
        if (c == null) {
            return apiStyle.apiError(404, "playlistNotFound", "youtube.playlistItem", "The playlist identified with the"
                    + " request's playlistId parameter cannot be found.");
        }
        int per = Math.min(50, Math.max(1, parseInt(maxResults, 5)));
        int from = Math.max(0, parseInt(pageToken == null ? null : pageToken.replace("CAU", ""), 0));
        List<FeedState.Entry> all = new ArrayList<>(c.entries());
        all.sort(Comparator.comparing((FeedState.Entry e) -> e.published).reversed());
        JsonArray items = new JsonArray();
        for (FeedState.Entry e : all.subList(Math.min(from, all.size()), Math.min(from + per, all.size()))) {
            boolean gone = e.deleted;
            items.add(new JsonObject().put("kind", "youtube#playlistItem").put("etag", "e" + e.seq)
                    .put("id", "UExp" + e.id).put("snippet", new JsonObject()
                            .put("publishedAt", date(e.published)).put("channelId", channelId)
                            .put("title", gone ? "Deleted video" : e.title)
                            .put("description", gone ? "This video is unavailable." : e.body)
                            .put("channelTitle", c.title).put("videoOwnerChannelTitle", c.title)
                            .put("playlistId", "UU" + channelId.substring(2)).put("position", all.indexOf(e))
                            .put("resourceId", new JsonObject().put("kind", "youtube#video")
                                    .put("videoId", e.id)))
                    .put("contentDetails", gone ? new JsonObject().put("videoId", e.id)
                            : new JsonObject().put("videoId", e.id).put("videoPublishedAt",
                            date(e.published)))
                    .put("status", new JsonObject().put("privacyStatus", gone ? "private" : "public")));
        }
        JsonObject body = new JsonObject()
                .put("kind", "youtube#playlistItemListResponse").put("etag", "tag" + all.size())
                .put("pageInfo", new JsonObject().put("totalResults", all.size())
                        .put("resultsPerPage", per)).put("items", items);
        if (from + per < all.size()) {
            body.put("nextPageToken", "CAU" + (from + per));
        }
        return SimResponse.json(200, body.encode());
    }

    private static int parseInt(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** The Data API's JSON error bodies. */
    private final class DataApiStyle implements FaultPlayer.ErrorStyle {
        SimResponse apiError(int status, String reason, String domain, String message) {
            JsonObject err = new JsonObject().put("message", message)
                    .put("domain", domain).put("reason", reason);
            return SimResponse.json(status, new JsonObject().put("error",
                    new JsonObject().put("code", status).put("message", message)
                            .put("errors", new JsonArray().add(err))).encode());
        }

        @Override
        public SimResponse error(int status) {
            return apiError(status, status >= 500 ? "backendError" : "badRequest", "global",
                    status >= 500 ? "Backend Error" : "Bad Request");
        }

        @Override
        public SimResponse rateLimited(Fault.RateLimited fault) {
            return error(429).withHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
        }
    }

    private synchronized SimResponse render(String channelId) {
        FeedState.Channel c = channelId == null ? null : state.find(channelId);
        if (c == null) {
            return error(404);
        }
        String bare = channelId.startsWith("UC") ? channelId.substring(2) : channelId;
        String channelUrl = "https://www.youtube.com/channel/" + channelId;
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns:yt=\"http://www.youtube.com/"
                + "xml/schemas/2015\" xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns=\"http://www.w3.org/2005/Atom\">\n");
        x.append(" <link rel=\"self\" href=\"").append(baseUrl.get()).append("/feeds/videos.xml?channel_id=")
                .append(channelId).append("\"/>\n <id>yt:channel:").append(bare).append("</id>\n <yt:channelId>")
                .append(bare).append("</yt:channelId>\n <title>").append(esc(c.title)).append("</title>\n")
                .append(" <link rel=\"alternate\" href=\"").append(channelUrl).append("\"/>\n <author><name>")
                .append(esc(c.title)).append("</name><uri>").append(channelUrl).append("</uri></author>\n")
                .append(" <published>2012-03-01T10:00:00+00:00</published>\n");
        for (FeedState.Entry e : c.visible()) {
            String vid = e.id;
            x.append(" <entry>\n  <id>yt:video:").append(vid).append("</id>\n  <yt:videoId>").append(vid)
                    .append("</yt:videoId>\n  <yt:channelId>").append(channelId).append("</yt:channelId>\n  <title>")
                    .append(esc(e.title)).append("</title>\n  <link rel=\"alternate\" href=\"https://www.youtube.com/watch?v=")
                    .append(vid).append("\"/>\n  <author><name>").append(esc(c.title)).append("</name><uri>")
                    .append(channelUrl).append("</uri></author>\n  <published>").append(date(e.published))
                    .append("</published>\n  <updated>").append(date(e.updated)).append("</updated>\n  <media:group>\n")
                    .append("   <media:title>").append(esc(e.title)).append("</media:title>\n")
                    .append("   <media:content url=\"https://www.youtube.com/v/").append(vid)
                    .append("?version=3\" type=\"application/x-shockwave-flash\" width=\"640\" height=\"390\"/>\n")
                    .append("   <media:thumbnail url=\"https://i1.ytimg.com/vi/").append(vid)
                    .append("/hqdefault.jpg\" width=\"480\" height=\"360\"/>\n   <media:description>")
                    .append(esc(e.body)).append("</media:description>\n   <media:community><media:starRating count=\"")
                    .append(e.seq % 7).append("\" average=\"5.00\" min=\"1\" max=\"5\"/><media:statistics views=\"")
                    .append(e.seq * 13).append("\"/></media:community>\n  </media:group>\n </entry>\n");
        }
        return new SimResponse(200, Map.of("Content-Type", "text/xml; charset=UTF-8"), x.append("</feed>\n").toString());
    }


    private FeedState.Entry entry(String videoId) {
        return state.entry(videoId);
    }

    private static String date(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
