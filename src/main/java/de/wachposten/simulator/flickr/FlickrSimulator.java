package de.wachposten.simulator.flickr;

import de.wachposten.simulator.Fault;
import de.wachposten.simulator.FaultPlayer;
import de.wachposten.simulator.SimResponse;
import de.wachposten.simulator.rss.FeedState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flickr (README, Platforms: {@code flickr}): the public feed {@code GET
 * /services/feeds/photos_public.gne?id=…&format=json&nojsoncallback=1} (newest {@value #FEED_WINDOW}, single quotes
 * escaped as {@code \'} like Flickr does) and {@code GET /services/rest/?method=flickr.people.getPublicPhotos} with
 * paging and the extras {@code dateupload}/{@code lastupdate}/{@code description}, and {@code flickr.people.getInfo}
 * ({@link FlickrPeople}, scripted with {@link #setProfile}). Faults are keyed by NSID.
 */
public final class FlickrSimulator implements FaultPlayer.ErrorStyle {
    /** Route names for request counts. */
    public static final String ROUTE_FEED = "flickr.feed";
    public static final String ROUTE_REST = "flickr.rest";
    public static final String ROUTE_PROFILE = "flickr.profile";
    /** Photos the public feed shows. */
    public static final int FEED_WINDOW = 20;

    private final FaultPlayer player;
    private final FeedState state = new FeedState();
    private final FlickrPeople people = new FlickrPeople();
    private volatile String apiKey;
    private final Map<String, JsonObject> profileErrors = new HashMap<>();

    /** Used by {@link de.wachposten.simulator.PlatformSimulator}. */
    public FlickrSimulator(FaultPlayer player) {
        this.player = player;
    }

    /** Registers the feed and REST routes. */
    public void register(Router router) {
        router.get("/services/feeds/photos_public.gne").handler(this::feed);
        router.get("/services/rest/").handler(this::rest);
    }

    /** Creates the account {@code nsid}. */
    public synchronized void account(String nsid, String name) {
        state.channel(nsid, name);
        if (!people.exists(nsid)) {
            people.create(nsid, name);
        }
    }

    /**
     * Changes one profile field ({@link FlickrPeople#FIELDS}; null removes it); a new {@code username} also shows in
     * the public feed's title.
     */
    public synchronized void setProfile(String nsid, String field, String value) {
        FeedState.Channel c = state.find(nsid);
        if (c == null) {
            throw new IllegalArgumentException("unknown simulated Flickr account " + nsid);
        }
        people.set(nsid, field, value);
        if (field.equals("username") && value != null) {
            c.title = value;
        }
    }

    /**
     * Answers {@code flickr.people.getInfo} for {@code nsid} with Flickr's error {@code {"stat":"fail","code":…,
     * "message":…}} (HTTP 200, as Flickr does) until called with a null {@code message}; the photos stay readable.
     */
    public synchronized void failProfile(String nsid, int code, String message) {
        if (message == null) {
            profileErrors.remove(nsid);
        } else {
            profileErrors.put(nsid, new JsonObject().put("stat", "fail").put("code", code).put("message", message));
        }
    }

    /** The key the REST API accepts (null: any). */
    public void requireApiKey(String key) {
        this.apiKey = key;
    }

    /** Uploads a public photo; returns its numeric id. */
    public synchronized String upload(String nsid, String title, String description, Instant at) {
        FeedState.Channel c = state.find(nsid);
        if (c == null) {
            throw new IllegalArgumentException("unknown simulated Flickr account " + nsid);
        }
        return state.add(c, seq -> Long.toString(53_400_000_000L + seq), title, description, at).id;
    }

    /** Changes title and description; {@code lastupdate} becomes {@code at}. */
    public synchronized void edit(String photoId, String title, String description, Instant at) {
        FeedState.Entry e = state.entry(photoId);
        e.title = title;
        e.body = description;
        e.updated = at;
    }

    /** Deletes a photo. */
    public synchronized void delete(String photoId) {
        state.entry(photoId).deleted = true;
    }

    @Override
    public SimResponse error(int status) {
        return SimResponse.json(status, new JsonObject().put("stat", "fail").put("code", status >= 500 ? 105 : 100)
                .put("message", status >= 500 ? "Service currently unavailable" : "Invalid API Key").encode());
    }

    @Override
    public SimResponse rateLimited(Fault.RateLimited fault) {
        return error(429).withHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
    }

    private void feed(RoutingContext ctx) {
        String nsid = ctx.request().getParam("id");
        player.serve(ctx, ROUTE_FEED, nsid, this, () -> feedJson(nsid));
    }

    private void rest(RoutingContext ctx) {
        var q = ctx.request();
        String route = "flickr.people.getInfo".equals(q.getParam("method")) ? ROUTE_PROFILE : ROUTE_REST;
        player.serve(ctx, route, q.getParam("user_id"), this, () -> restJson(q.getParam("method"),
                q.getParam("api_key"), q.getParam("user_id"), q.getParam("page"), q.getParam("per_page")));
    }

    private synchronized SimResponse feedJson(String nsid) {
        FeedState.Channel c = nsid == null ? null : state.find(nsid);
        JsonArray items = new JsonArray();
        List<FeedState.Entry> visible = c == null ? List.of() : c.visible();
        for (FeedState.Entry e : visible.subList(0, Math.min(FEED_WINDOW, visible.size()))) {
            String link = "https://www.flickr.com/photos/" + nsid + "/" + e.id + "/";
            String img = "https://live.staticflickr.com/65535/" + e.id + "_a1b2c3d4e5_m.jpg";
            items.add(new JsonObject().put("title", e.title).put("link", link).put("media", new JsonObject().put("m", img))
                    .put("date_taken", "2026-01-07T14:12:00-08:00")
                    .put("description", " <p><a href=\"https://www.flickr.com/people/" + nsid + "/\">" + c.title
                            + "</a> posted a photo:</p> <p><a href=\"" + link + "\" title=\"" + e.title + "\"><img src=\""
                            + img + "\" width=\"240\" height=\"160\" alt=\"" + e.title + "\" /></a></p> "
                            + (e.body.isEmpty() ? "" : "<p>" + e.body + "</p>"))
                    .put("published", date(e.published)).put("author", "nobody@flickr.com (\"" + c.title + "\")")
                    .put("author_id", nsid).put("tags", ""));
        }
        JsonObject feed = new JsonObject().put("title", "Uploads from " + (c == null ? "everyone" : c.title))
                .put("link", "https://www.flickr.com/photos/" + nsid + "/").put("description", "")
                .put("modified", date(Instant.EPOCH)).put("generator", "https://www.flickr.com").put("items", items);
        String body = feed.encodePrettily().replace("'", "\\'");
        return new SimResponse(200, Map.of("Content-Type", "application/json; charset=utf-8"), body);
    }

    private synchronized SimResponse restJson(String method, String key, String nsid, String pageParam, String perPage) {
        if (!"flickr.people.getPublicPhotos".equals(method) && !"flickr.people.getInfo".equals(method)) {
            return SimResponse.json(200, "{\"stat\":\"fail\",\"code\":112,\"message\":\"Method \\\"" + method
                    + "\\\" not found\"}");
        }
        if (apiKey != null && !apiKey.equals(key)) {
            return SimResponse.json(200, "{\"stat\":\"fail\",\"code\":100,\"message\":\"Invalid API Key (Key has invalid"
                    + " format)\"}");
        }
        FeedState.Channel c = nsid == null ? null : state.find(nsid);
        if (c == null) {
            return SimResponse.json(200, "{\"stat\":\"fail\",\"code\":1,\"message\":\"User not found\"}");
        }
        if (method.equals("flickr.people.getInfo")) {
            JsonObject failure = profileErrors.get(nsid);
            return SimResponse.json(200, (failure != null ? failure : people.render(nsid)).encode());
        }
        int per = Math.min(500, Math.max(1, parse(perPage, 100)));
        int page = Math.max(1, parse(pageParam, 1));
        List<FeedState.Entry> all = c.visible();
        JsonArray photos = new JsonArray();
        for (FeedState.Entry e : all.subList(Math.min(all.size(), (page - 1) * per), Math.min(all.size(), page * per))) {
            photos.add(new JsonObject().put("id", e.id).put("owner", nsid).put("secret", "a1b2c3d4e5")
                    .put("server", "65535").put("farm", 66).put("title", e.title).put("ispublic", 1).put("isfriend", 0)
                    .put("isfamily", 0).put("dateupload", Long.toString(e.published.getEpochSecond()))
                    .put("lastupdate", Long.toString(e.updated.getEpochSecond()))
                    .put("description", new JsonObject().put("_content", e.body)));
        }
        int pages = Math.max(1, (all.size() + per - 1) / per);
        return SimResponse.json(200, new JsonObject().put("photos", new JsonObject().put("page", page).put("pages", pages)
                .put("perpage", per).put("total", all.size()).put("photo", photos)).put("stat", "ok").encode());
    }

    private static int parse(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static String date(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.atOffset(ZoneOffset.UTC).toInstant());
    }
}
