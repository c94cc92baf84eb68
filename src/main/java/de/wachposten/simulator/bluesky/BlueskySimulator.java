package de.wachposten.simulator.bluesky;

import de.wachposten.simulator.Fault;
import de.wachposten.simulator.FaultPlayer;
import de.wachposten.simulator.SimResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public Bluesky AppView as far as Wachposten reads it, with a thread-safe scripting API: {@link #actor},
 * {@link #publish}, {@link #repost}, {@link #edit} (a new {@code cid}, re-indexed), {@link #delete},
 * {@link #setProfile}; each post change is also a Jetstream commit event ({@link #jetstream()}). Faults are keyed by
 * handle. Normal responses carry {@code RateLimit-*} headers (3 000 per 5 minutes, counted per simulator). The feed
 * is ordered by {@code sortAt} (the earlier of {@code createdAt} and {@code indexedAt}; a repost's own
 * {@code indexedAt}) newest first; the cursor is {@code <sortAt>::<cid>}.
 */
public final class BlueskySimulator implements FaultPlayer.ErrorStyle {
    /** Route names for request counts. */
    public static final String ROUTE_FEED = "bluesky.feed";
    public static final String ROUTE_POSTS = "bluesky.posts";
    public static final String ROUTE_PROFILE = "bluesky.profile";

    private static final int DEFAULT_RATE_LIMIT = 3000;
    private static final Duration RATE_WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final FaultPlayer player;
    private final Map<String, ActorData> actorsByDid = new LinkedHashMap<>();
    private final Map<String, PostData> postsByUri = new LinkedHashMap<>();
    private final List<FeedItem> reposts = new ArrayList<>();
    private final JetstreamEndpoint jetstream;
    private long sequence;
    private Instant windowStart = Instant.EPOCH;
    private int windowCount;
    private volatile int rateLimit = DEFAULT_RATE_LIMIT;

    static final class ActorData {
        final String did;
        final String handle;
        String displayName;
        String description = "";
        String avatar;
        String banner;

        ActorData(String did, String handle, String displayName) {
            this.did = did;
            this.handle = handle;
            this.displayName = displayName;
        }
    }

    static final class PostData {
        final String uri;
        final String rkey;
        final String did;
        String cid;
        SkeetSpec spec;
        Instant indexedAt;
        boolean deleted;

        PostData(String uri, String rkey, String did) {
            this.uri = uri;
            this.rkey = rkey;
            this.did = did;
        }

        Instant sortAt() {
            return spec.createdAt().isBefore(indexedAt) ? spec.createdAt() : indexedAt;
        }
    }

    /** One feed entry: a post, or a repost of one by {@code by}. */
    record FeedItem(PostData post, ActorData by, Instant sortAt, String cid) {}

    /** Used by {@link de.wachposten.simulator.PlatformSimulator}. */
    public BlueskySimulator(Clock clock, FaultPlayer player) {
        this.clock = clock;
        this.player = player;
        this.jetstream = new JetstreamEndpoint(clock);
    }

    /** Registers the XRPC routes on {@code router}. */
    public void register(Router router) {
        new BlueskyRoutes(this).register(router);
        jetstream.register(router);
    }

    /** The Jetstream WebSocket endpoint ({@code /subscribe}) with its faults. */
    public JetstreamEndpoint jetstream() {
        return jetstream;
    }

    /** The actor {@code handle}, created with {@code displayName} if new. */
    public synchronized SimActor actor(String handle, String displayName) {
        ActorData a = byHandleOrDid(handle);
        if (a == null) {
            String did = "did:plc:" + Long.toString(Math.abs((long) handle.hashCode()) + 1_000_000_000L, 36) + "sim";
            a = new ActorData(did, handle, displayName);
            actorsByDid.put(did, a);
        }
        return new SimActor(a.did, a.handle);
    }

    /** Sets the profile fields {@code getProfile} and the post authors show. */
    public synchronized void setProfile(SimActor actor, String displayName, String description, String avatar,
                                        String banner) {
        ActorData a = actorsByDid.get(actor.did());
        a.displayName = displayName;
        a.description = description;
        a.avatar = avatar;
        a.banner = banner;
    }

    /** Publishes a plain post; returns its {@code at://} URI. */
    public String publish(SimActor actor, String text, Instant createdAt) {
        return publish(actor, SkeetSpec.of(text, createdAt));
    }

    /** Publishes a post; returns its {@code at://} URI. */
    public synchronized String publish(SimActor actor, SkeetSpec spec) {
        String rkey = "3lf" + Long.toString(36L * 36 * 36 * 36 + ++sequence, 36) + "x2";
        PostData p = new PostData("at://" + actor.did() + "/app.bsky.feed.post/" + rkey, rkey, actor.did());
        p.spec = spec;
        p.cid = cid();
        p.indexedAt = spec.indexedAt() != null ? spec.indexedAt() : spec.createdAt().plusSeconds(1);
        postsByUri.put(p.uri, p);
        jetstream.commit(p.did, "create", p.rkey, p.cid, BlueskyJson.record(spec));
        return p.uri;
    }

    /** Reposts {@code uri} as {@code actor} at {@code at}; returns the repost record's URI. */
    public synchronized String repost(SimActor actor, String uri, Instant at) {
        FeedItem item = new FeedItem(existing(uri), actorsByDid.get(actor.did()), at, cid());
        reposts.add(item);
        return repostUri(item);
    }

    private static String repostUri(FeedItem i) {
        return "at://" + i.by().did + "/app.bsky.feed.repost/" + i.cid().substring("bafyrei".length());
    }

    /** Overwrites a post's record (putRecord): new text, new {@code cid}, re-indexed now. */
    public synchronized void edit(String uri, String newText) {
        PostData p = existing(uri);
        p.spec = new SkeetSpec(newText, p.spec.createdAt(), null, p.spec.replyTo(), p.spec.quote(), p.spec.imageAlts(),
                p.spec.shortenLinks());
        p.cid = cid();
        p.indexedAt = clock.instant();
        jetstream.commit(p.did, "update", p.rkey, p.cid, BlueskyJson.record(p.spec));
    }

    /** Requests allowed per 5-minute window from now on (a fleet spread over many credentials, for benchmarks). */
    public synchronized void setRateLimit(int requestsPerWindow) {
        if (requestsPerWindow < 1) {
            throw new IllegalArgumentException("requestsPerWindow must be at least 1: " + requestsPerWindow);
        }
        rateLimit = requestsPerWindow;
    }

    /** Deletes a post: it leaves the feed and {@code getPosts}. */
    public synchronized void delete(String uri) {
        PostData p = existing(uri);
        p.deleted = true;
        jetstream.commit(p.did, "delete", p.rkey, null, null);
    }

    @Override
    public SimResponse error(int status) {
        String error = switch (status) {
            case 400 -> "InvalidRequest";
            case 401 -> "AuthMissing";
            case 502 -> "UpstreamFailure";
            default -> status >= 500 ? "InternalServerError" : "InvalidRequest";
        };
        return SimResponse.json(status, BlueskyJson.error(error, error.equals("InvalidRequest") ? "Invalid request"
                : "Internal Server Error").encode());
    }

    @Override
    public SimResponse rateLimited(Fault.RateLimited fault) {
        Instant reset = clock.instant().plus(fault.retryAfter());
        SimResponse r = SimResponse.json(429, BlueskyJson.error("RateLimitExceeded", "Rate Limit Exceeded").encode())
                .withHeader("RateLimit-Limit", Integer.toString(rateLimit)).withHeader("RateLimit-Remaining", "0")
                .withHeader("RateLimit-Reset", Long.toString(reset.getEpochSecond()))
                .withHeader("RateLimit-Policy", rateLimit + ";w=" + RATE_WINDOW.toSeconds());
        return fault.withRetryAfterHeader()
                ? r.withHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds())) : r;
    }

    // --- used by BlueskyRoutes ---------------------------------------------------------------------------------------

    synchronized SimResponse feed(String actor, int limit, String cursor) {
        ActorData a = byHandleOrDid(actor);
        if (a == null) {
            return SimResponse.json(400, BlueskyJson.error("InvalidRequest", "Profile not found").encode());
        }
        List<FeedItem> items = new ArrayList<>();
        postsByUri.values().stream().filter(p -> !p.deleted && p.did.equals(a.did))
                .forEach(p -> items.add(new FeedItem(p, null, p.sortAt(), p.cid)));
        reposts.stream().filter(r -> r.by() == a && !r.post().deleted).forEach(items::add);
        Comparator<FeedItem> order = Comparator.comparing(FeedItem::sortAt).thenComparing(FeedItem::cid);
        List<FeedItem> sorted = items.stream().sorted(order.reversed())
                .filter(i -> cursor == null || key(i).compareTo(cursor) < 0).toList();
        List<FeedItem> page = sorted.subList(0, Math.min(limit, sorted.size()));
        JsonArray feed = new JsonArray();
        for (FeedItem i : page) {
            JsonObject entry = new JsonObject().put("post", BlueskyJson.postView(i.post(), actorsByDid.get(i.post().did)));
            if (i.by() != null) {
                entry.put("reason", new JsonObject().put("$type", "app.bsky.feed.defs#reasonRepost")
                        .put("by", BlueskyJson.author(i.by())).put("uri", repostUri(i)).put("cid", i.cid())
                        .put("indexedAt", BlueskyJson.time(i.sortAt())));
            }
            feed.add(entry);
        }
        JsonObject body = new JsonObject();
        if (sorted.size() > page.size()) {
            body.put("cursor", key(page.getLast()));
        }
        return ok(body.put("feed", feed).encode());
    }

    synchronized SimResponse posts(List<String> uris) {
        JsonArray found = new JsonArray();
        for (String uri : uris) {
            PostData p = postsByUri.get(uri);
            if (p != null && !p.deleted) {
                found.add(BlueskyJson.postView(p, actorsByDid.get(p.did)));
            }
        }
        return ok(new JsonObject().put("posts", found).encode());
    }

    synchronized SimResponse profile(String actor) {
        ActorData a = byHandleOrDid(actor);
        if (a == null) {
            return SimResponse.json(400, BlueskyJson.error("InvalidRequest", "Profile not found").encode());
        }
        int count = (int) postsByUri.values().stream().filter(p -> !p.deleted && p.did.equals(a.did)).count();
        return ok(BlueskyJson.profile(a, count).encode());
    }

    /** The handle a request concerns, for fault keys; null when unknown. */
    synchronized String handleOf(String actorOrUri) {
        if (actorOrUri == null) {
            return null;
        }
        String actor = actorOrUri.startsWith("at://") ? actorOrUri.substring(5).split("/")[0] : actorOrUri;
        ActorData a = byHandleOrDid(actor);
        return a == null ? null : a.handle;
    }

    FaultPlayer player() {
        return player;
    }

    private static String key(FeedItem i) {
        return BlueskyJson.time(i.sortAt()) + "::" + i.cid();
    }

    private ActorData byHandleOrDid(String actor) {
        ActorData a = actorsByDid.get(actor);
        if (a != null) {
            return a;
        }
        return actorsByDid.values().stream().filter(x -> x.handle.equalsIgnoreCase(actor)).findFirst().orElse(null);
    }

    private PostData existing(String uri) {
        PostData p = postsByUri.get(uri);
        if (p == null) {
            throw new IllegalArgumentException("unknown simulated post " + uri);
        }
        return p;
    }

    private String cid() {
        return "bafyrei" + Long.toString(1_000_000_000L + ++sequence * 7919, 36) + "sim";
    }

    private SimResponse ok(String body) {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(RATE_WINDOW))) {
            windowStart = now;
            windowCount = 0;
        }
        windowCount++;
        return SimResponse.json(200, body).withHeader("RateLimit-Limit", Integer.toString(rateLimit))
                .withHeader("RateLimit-Remaining", Integer.toString(Math.max(0, rateLimit - windowCount)))
                .withHeader("RateLimit-Reset", Long.toString(windowStart.plus(RATE_WINDOW).getEpochSecond()))
                .withHeader("RateLimit-Policy", rateLimit + ";w=" + RATE_WINDOW.toSeconds());
    }
}
