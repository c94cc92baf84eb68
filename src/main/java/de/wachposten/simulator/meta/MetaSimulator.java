package de.wachposten.simulator.meta;

import de.wachposten.simulator.Fault;
import de.wachposten.simulator.FaultPlayer;
import de.wachposten.simulator.SimResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Meta Graph API (README, Platforms: {@code facebook}, {@code instagram}, Meta rate limits) for Facebook Pages
 * ({@code GET /v21.0/{page}/posts}) and Instagram professional accounts ({@code GET /v21.0/{ig-user}/media}), single
 * objects ({@code GET /v21.0/{id}}: Graph error 100/33 once deleted), cursor paging with {@code paging.next} URLs that
 * carry the access token as Meta's do, {@code +0000} timestamps, {@code X-Business-Use-Case-Usage} headers and Graph
 * error bodies. The account objects themselves ({@code GET /v21.0/{page-or-ig-user}?fields=…}) are the profiles
 * ({@link MetaProfiles}). Throttling answers HTTP 403 with error code 32 and {@code estimated_time_to_regain_access}
 * in minutes, not 429. Faults are keyed by the page or Instagram user id.
 */
public final class MetaSimulator implements FaultPlayer.ErrorStyle {
    /** Route names for request counts. */
    public static final String ROUTE_EDGE = "meta.edge";
    public static final String ROUTE_OBJECT = "meta.object";
    public static final String ROUTE_PROFILE = "meta.profile";
    private static final DateTimeFormatter META = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final FaultPlayer player;
    private final Supplier<String> baseUrl;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final MetaProfiles profiles = new MetaProfiles();
    private String token;
    private int usagePercent;
    private long regainMinutes;
    private long nextId = 987_650_000_000_001L;

    private record Account(String id, String name, boolean instagram) {}

    private static final class Item {
        String id;
        Account account;
        String text;
        String application;
        String mediaType;
        Instant created;
        Instant updated;
        boolean deleted;
        boolean hidden;
    }

    /** Used by {@link de.wachposten.simulator.PlatformSimulator}. */
    public MetaSimulator(FaultPlayer player, Supplier<String> baseUrl) {
        this.player = player;
        this.baseUrl = baseUrl;
    }

    /** Registers the Graph routes. */
    public void register(Router router) {
        router.get("/:version/:id/posts").handler(ctx -> edge(ctx, false));
        router.get("/:version/:id/media").handler(ctx -> edge(ctx, true));
        router.get("/:version/:id").handler(this::object);
    }

    /** The token every request must carry (Bearer header or {@code access_token}); null accepts any. */
    public synchronized void requireToken(String value) {
        token = value;
    }

    /** The usage the {@code X-Business-Use-Case-Usage} header reports from now on. */
    public synchronized void setUsage(int percent, long regainMinutes) {
        this.usagePercent = percent;
        this.regainMinutes = regainMinutes;
    }

    /** Creates a Facebook Page or an Instagram account with this id. */
    public synchronized void account(String id, String name, boolean instagram) {
        accounts.put(id, new Account(id, name, instagram));
        profiles.create(id, name, instagram);
    }

    /**
     * Changes one field of the account object as Graph names it (Page: {@code name, username, about, description,
     * website, link, picture, cover}; Instagram: {@code username, name, biography, website, profile_picture_url});
     * null removes it. Picture fields take the URL without signature. Posts keep their author name.
     */
    public synchronized void setProfile(String accountId, String field, String value) {
        Account a = accounts.get(accountId);
        if (a == null) {
            throw new IllegalArgumentException("unknown simulated Meta account " + accountId);
        }
        profiles.set(accountId, a.instagram(), field, value);
    }

    /** Publishes a post (Facebook: {@code application} may be null) or media; returns its id. */
    public synchronized String publish(String accountId, String text, Instant at, String application) {
        Account a = accounts.get(accountId);
        if (a == null) {
            throw new IllegalArgumentException("unknown simulated Meta account " + accountId);
        }
        Item i = new Item();
        long n = nextId++;
        i.id = a.instagram() ? Long.toString(17_895_695_668_000_000L + n % 1_000_000) : a.id() + "_" + n;
        i.account = a;
        i.text = text;
        i.application = application;
        i.mediaType = "IMAGE";
        i.created = at;
        i.updated = at;
        items.put(i.id, i);
        return i.id;
    }

    /** Changes message or caption; Facebook's {@code updated_time} becomes {@code at}. */
    public synchronized void edit(String id, String text, Instant at) {
        Item i = existing(id);
        i.text = text;
        i.updated = at;
    }

    /** Hides a post from the edge lists while it stays loadable by id (as ranking or hiding on Facebook does). */
    public synchronized void hide(String id) {
        existing(id).hidden = true;
    }

    /** Deletes a post or media. */
    public synchronized void delete(String id) {
        existing(id).deleted = true;
    }

    @Override
    public SimResponse error(int status) {
        int code = status >= 500 ? 1 : status == 401 || status == 403 ? 190 : 100;
        String type = code == 190 ? "OAuthException" : "GraphMethodException";
        String message = status >= 500 ? "An unknown error has occurred." : code == 190
                ? "Error validating access token: Session has expired." : "Unsupported get request.";
        return graphError(status, code, -1, type, message);
    }

    @Override
    public SimResponse rateLimited(Fault.RateLimited fault) {
        long minutes = Math.max(1, (fault.retryAfter().toSeconds() + 59) / 60);
        SimResponse r = graphError(403, 32, -1, "OAuthException", "Page request limit reached")
                .withHeader("X-Business-Use-Case-Usage", usage(100, minutes));
        return fault.withRetryAfterHeader() ? r.withHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds()))
                : r;
    }

    private void edge(RoutingContext ctx, boolean media) {
        String id = ctx.pathParam("id");
        var q = ctx.request();
        String auth = q.getHeader("Authorization");
        String param = q.getParam("access_token");
        player.serve(ctx, ROUTE_EDGE, id, this, () -> page(id, media, auth, param, q.getParam("limit"),
                q.getParam("after"), q.getParam("fields")));
    }

    private void object(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        var q = ctx.request();
        String owner = id.contains("_") ? id.substring(0, id.indexOf('_')) : ownerOf(id);
        if (isAccount(id)) {
            player.serve(ctx, ROUTE_PROFILE, id, this, () -> profile(id, q.getHeader("Authorization"),
                    q.getParam("access_token"), q.getParam("fields")));
            return;
        }
        player.serve(ctx, ROUTE_OBJECT, owner, this, () -> single(id, q.getHeader("Authorization"),
                q.getParam("access_token")));
    }

    private synchronized boolean isAccount(String id) {
        return accounts.containsKey(id);
    }

    private synchronized SimResponse profile(String id, String auth, String param, String fields) {
        SimResponse denied = checkToken(auth, param);
        if (denied != null) {
            return denied;
        }
        try {
            return ok(profiles.render(id, accounts.get(id).instagram(), fields));
        } catch (MetaProfiles.UnknownField e) {
            return graphError(400, 100, -1, "OAuthException", e.getMessage());
        }
    }

    private synchronized String ownerOf(String id) {
        Item i = items.get(id);
        return i == null ? id : i.account.id();
    }

    private synchronized SimResponse page(String id, boolean media, String auth, String param, String limitParam,
                                          String after, String fields) {
        SimResponse denied = checkToken(auth, param);
        if (denied != null) {
            return denied;
        }
        Account a = accounts.get(id);
        if (a == null || a.instagram() != media) {
            return graphError(400, 100, 33, "GraphMethodException", "Unsupported get request. Object with ID '" + id
                    + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation");
        }
        int limit = Math.min(100, Math.max(1, parse(limitParam, 25)));
        List<Item> all = new ArrayList<>(items.values().stream().filter(i -> i.account == a && !i.deleted && !i.hidden).toList());
        all.sort(Comparator.comparing((Item i) -> i.created).thenComparing(i -> i.id).reversed());
        int from = after == null ? 0 : parse(new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8), 0);
        List<Item> slice = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        JsonArray data = new JsonArray();
        slice.forEach(i -> data.add(media ? mediaJson(i) : postJson(i)));
        JsonObject paging = new JsonObject();
        if (!slice.isEmpty()) {
            paging.put("cursors", new JsonObject().put("before", cursor(from)).put("after", cursor(from + slice.size())));
        }
        if (from + slice.size() < all.size()) {
            paging.put("next", baseUrl.get() + "/v21.0/" + id + (media ? "/media" : "/posts") + "?fields="
                    + (fields == null ? "" : java.net.URLEncoder.encode(fields, StandardCharsets.UTF_8)) + "&limit="
                    + limit + "&access_token=" + (token == null ? "x" : token) + "&after=" + cursor(from + slice.size()));
        }
        return ok(new JsonObject().put("data", data).put("paging", paging));
    }

    private synchronized SimResponse single(String id, String auth, String param) {
        SimResponse denied = checkToken(auth, param);
        if (denied != null) {
            return denied;
        }
        Item i = items.get(id);
        if (i == null || i.deleted) {
            return graphError(400, 100, 33, "GraphMethodException", "Unsupported get request. Object with ID '" + id
                    + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation");
        }
        return ok(new JsonObject().put("id", i.id));
    }

    private JsonObject postJson(Item i) {
        JsonObject o = new JsonObject().put("id", i.id).put("created_time", META.format(i.created.atOffset(ZoneOffset.UTC)))
                .put("updated_time", META.format(i.updated.atOffset(ZoneOffset.UTC)))
                .put("permalink_url", "https://www.facebook.com/" + i.account.id() + "/posts/" + i.id.substring(i.id
                        .indexOf('_') + 1)).put("from", new JsonObject().put("id", i.account.id()).put("name",
                        i.account.name()));
        if (!i.text.isEmpty()) {
            o.put("message", i.text);
        }
        if (i.application != null) {
            o.put("application", new JsonObject().put("category", "Business").put("link",
                    "https://business.facebook.com/").put("name", i.application).put("id", "532000000000000"));
        }
        return o;
    }

    private JsonObject mediaJson(Item i) {
        JsonObject o = new JsonObject().put("id", i.id).put("media_type", i.mediaType).put("media_product_type", "FEED")
                .put("media_url", "https://scontent.cdninstagram.com/v/t51.29350-15/" + i.id + "_n.jpg")
                .put("permalink", "https://www.instagram.com/p/C" + Long.toString(Long.parseLong(i.id) % 99_999_999L, 36)
                        + "/").put("timestamp", META.format(i.created.atOffset(ZoneOffset.UTC)))
                .put("username", i.account.name());
        if (!i.text.isEmpty()) {
            o.put("caption", i.text);
        }
        return o;
    }

    private SimResponse checkToken(String auth, String param) {
        if (token == null || ("Bearer " + token).equals(auth) || token.equals(param)) {
            return null;
        }
        return graphError(400, 190, 463, "OAuthException", "Error validating access token: Session has expired.");
    }

    private SimResponse ok(JsonObject body) {
        return SimResponse.json(200, body.encode()).withHeader("X-Business-Use-Case-Usage",
                usage(usagePercent, regainMinutes));
    }

    private static String usage(int percent, long minutes) {
        return new JsonObject().put("104000000000000", new JsonArray().add(new JsonObject().put("type", "pages")
                .put("call_count", percent).put("total_cputime", 1).put("total_time", 1)
                .put("estimated_time_to_regain_access", minutes))).encode();
    }

    private static SimResponse graphError(int status, int code, int subcode, String type, String message) {
        JsonObject e = new JsonObject().put("message", message).put("type", type).put("code", code);
        if (subcode >= 0) {
            e.put("error_subcode", subcode);
        }
        return SimResponse.json(status, new JsonObject().put("error", e.put("fbtrace_id", "AbCdEf123")).encode());
    }

    private static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int parse(String s, int dflt) {
        try {
            return s == null ? dflt : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private Item existing(String id) {
        Item i = items.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown simulated Meta object " + id);
        }
        return i;
    }
}
