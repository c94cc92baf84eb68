package de.wachposten.simulator.twitter;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * X API v2 as far as Wachposten reads it, with a thread-safe scripting API: {@link #user}, {@link #publish},
 * {@link #edit} (a new id, the edit history grows), {@link #delete} (the whole edit chain), {@link #setProfile}.
 * Faults are keyed by username. Every normal response carries {@code x-rate-limit-*} headers (limit 10 000 per 15
 * minutes, counted per simulator).
 */
public final class TwitterSimulator implements FaultPlayer.ErrorStyle {
    /** Route names for request counts. */
    public static final String ROUTE_USER = "twitter.user";
    public static final String ROUTE_TWEETS = "twitter.tweets";
    public static final String ROUTE_LOOKUP = "twitter.lookup";

    private static final long FIRST_ID = 1876900000000000000L;
    private static final int DEFAULT_RATE_LIMIT = 10_000;
    private static final Duration RATE_WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final FaultPlayer player;
    private final Map<String, UserData> usersById = new LinkedHashMap<>();
    private final Map<Long, Chain> chainsByVersionId = new LinkedHashMap<>();
    private final List<Chain> chains = new ArrayList<>();
    private long nextId = FIRST_ID;
    private Instant windowStart = Instant.EPOCH;
    private int windowCount;
    private volatile int rateLimit = DEFAULT_RATE_LIMIT;

    static final class UserData {
        final String id;
        final String username;
        String name;
        String description = "";
        String profileImageUrl;
        String url = "";

        UserData(String id, String username, String name) {
            this.id = id;
            this.username = username;
            this.name = name;
            this.profileImageUrl = "https://pbs.twimg.com/profile_images/" + id + "/a_normal.jpg";
        }
    }

    /** One post with all its versions (oldest first). */
    static final class Chain {
        final String userId;
        final long conversationId;
        final List<Version> versions = new ArrayList<>();
        boolean deleted;

        Chain(String userId, long conversationId) {
            this.userId = userId;
            this.conversationId = conversationId;
        }

        Version latest() {
            return versions.getLast();
        }
    }

    /** One version of a post. */
    record Version(long id, TweetSpec spec) {}

    /** Used by {@link de.wachposten.simulator.PlatformSimulator}. */
    public TwitterSimulator(Clock clock, FaultPlayer player) {
        this.clock = clock;
        this.player = player;
    }

    /** Registers the routes on {@code router}. */
    public void register(Router router) {
        new TwitterRoutes(this).register(router);
    }

    /** The user {@code username}, created with display name {@code name} if new. */
    public synchronized SimUser user(String username, String name) {
        for (UserData u : usersById.values()) {
            if (u.username.equalsIgnoreCase(username)) {
                return new SimUser(u.id, u.username);
            }
        }
        String id = Long.toString(2244994945L + usersById.size());
        usersById.put(id, new UserData(id, username, name));
        return new SimUser(id, username);
    }

    /** Sets the profile fields the user lookup returns. */
    public synchronized void setProfile(SimUser user, String name, String description, String profileImageUrl, String url) {
        UserData u = data(user.id());
        u.name = name;
        u.description = description;
        u.profileImageUrl = profileImageUrl;
        u.url = url;
    }

    /** Publishes a plain German post; returns its id. */
    public String publish(SimUser user, String text, Instant createdAt) {
        return publish(user, TweetSpec.of(text, createdAt));
    }

    /** Publishes a post; returns its id (higher than every earlier id). */
    public synchronized String publish(SimUser user, TweetSpec spec) {
        data(user.id());
        long id = nextId();
        Chain chain = new Chain(user.id(), id);
        chain.versions.add(new Version(id, spec));
        chains.add(chain);
        chainsByVersionId.put(id, chain);
        return Long.toString(id);
    }

    /** Edits a post (any id of its chain): a new version with a new id; returns that id. */
    public synchronized String edit(String anyVersionId, String newText, Instant editedAt) {
        Chain chain = existing(anyVersionId);
        TweetSpec before = chain.latest().spec();
        long id = nextId();
        chain.versions.add(new Version(id, new TweetSpec(newText, editedAt, before.lang(), before.references(),
                before.mediaKeys())));
        chainsByVersionId.put(id, chain);
        return Long.toString(id);
    }

    /** Deletes the account: its lookup and timeline answer with "Not Found" errors from now on. */
    public synchronized void deleteUser(SimUser user) {
        usersById.remove(user.id());
    }

    /** Requests allowed per 15-minute window from now on (a fleet spread over many credentials, for benchmarks). */
    public synchronized void setRateLimit(int requestsPerWindow) {
        if (requestsPerWindow < 1) {
            throw new IllegalArgumentException("requestsPerWindow must be at least 1: " + requestsPerWindow);
        }
        rateLimit = requestsPerWindow;
    }

    /** Deletes a post with every version of it. */
    public synchronized void delete(String anyVersionId) {
        existing(anyVersionId).deleted = true;
    }

    @Override
    public SimResponse error(int status) {
        String title = switch (status) {
            case 400 -> "Invalid Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found Error";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Client Error";
        };
        return problem(status, title, title, "about:blank");
    }

    @Override
    public SimResponse rateLimited(Fault.RateLimited fault) {
        Instant reset = clock.instant().plus(fault.retryAfter());
        SimResponse r = problem(429, "Too Many Requests", "Too Many Requests", "about:blank")
                .withHeader("x-rate-limit-limit", Integer.toString(rateLimit))
                .withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", Long.toString(reset.getEpochSecond()));
        return fault.withRetryAfterHeader()
                ? r.withHeader("Retry-After", Long.toString(fault.retryAfter().toSeconds())) : r;
    }

    static SimResponse problem(int status, String title, String detail, String type) {
        return new SimResponse(status, Map.of("Content-Type", "application/problem+json"),
                TwitterJson.problem(status, title, detail, type).encode());
    }

    // --- used by TwitterRoutes ---------------------------------------------------------------------------------------

    synchronized SimResponse userByUsername(String username) {
        for (UserData u : usersById.values()) {
            if (u.username.equalsIgnoreCase(username)) {
                return ok(new JsonObject().put("data", new JsonObject().put("id", u.id).put("name", u.name)
                        .put("username", u.username).put("description", u.description)
                        .put("profile_image_url", u.profileImageUrl).put("url", u.url)
                        .put("created_at", "2009-06-01T08:00:00.000Z")).encode());
            }
        }
        return ok(new JsonObject().put("errors", new JsonArray()
                .add(TwitterJson.notFound("user", "username", username))).encode());
    }

    /** The timeline: latest versions of the user's live posts, newest first, strictly between the bounds. */
    synchronized SimResponse timeline(String userId, int maxResults, long sinceId, long untilId) {
        if (!usersById.containsKey(userId)) {
            return ok(new JsonObject().put("errors", new JsonArray()
                    .add(TwitterJson.notFound("user", "id", userId))).encode());
        }
        List<Chain> visible = chains.stream().filter(c -> !c.deleted && c.userId.equals(userId))
                .filter(c -> c.latest().id() > sinceId && c.latest().id() < untilId)
                .sorted(Comparator.comparingLong((Chain c) -> c.latest().id()).reversed()).toList();
        if (visible.isEmpty()) {
            return ok(new JsonObject().put("meta", new JsonObject().put("result_count", 0)).encode());
        }
        List<Chain> page = visible.subList(0, Math.min(maxResults, visible.size()));
        JsonObject meta = new JsonObject().put("result_count", page.size())
                .put("newest_id", Long.toString(page.getFirst().latest().id()))
                .put("oldest_id", Long.toString(page.getLast().latest().id()));
        if (visible.size() > page.size()) {
            meta.put("next_token", TwitterRoutes.token(page.getLast().latest().id()));
        }
        return ok(withIncludes(page.stream().map(c -> new Object[] {c, c.latest()}).toList()).put("meta", meta).encode());
    }

    /** Bulk lookup: found versions in {@code data}, missing ids in {@code errors}. */
    synchronized SimResponse lookup(List<String> ids) {
        List<Object[]> found = new ArrayList<>();
        JsonArray errors = new JsonArray();
        for (String id : ids) {
            Chain c = chainOf(id);
            Version v = c == null || c.deleted ? null
                    : c.versions.stream().filter(x -> Long.toString(x.id()).equals(id)).findFirst().orElse(null);
            if (v == null) {
                errors.add(TwitterJson.notFound("tweet", "ids", id));
            } else {
                found.add(new Object[] {c, v});
            }
        }
        JsonObject body = found.isEmpty() ? new JsonObject() : withIncludes(found);
        return ok((errors.isEmpty() ? body : body.put("errors", errors)).encode());
    }

    /** The username a request concerns, for fault keys; null when unknown. */
    synchronized String usernameOfUser(String userId) {
        UserData u = usersById.get(userId);
        return u == null ? null : u.username;
    }

    synchronized String usernameOfTweet(String tweetId) {
        Chain c = chainOf(tweetId);
        UserData u = c == null ? null : usersById.get(c.userId);
        return u == null ? null : u.username;
    }

    FaultPlayer player() {
        return player;
    }

    private JsonObject withIncludes(List<Object[]> versions) {
        JsonArray data = new JsonArray();
        Set<String> media = new LinkedHashSet<>();
        for (Object[] cv : versions) {
            Chain c = (Chain) cv[0];
            Version v = (Version) cv[1];
            data.add(TwitterJson.tweet(c, v));
            media.addAll(v.spec().mediaKeys());
        }
        JsonObject body = new JsonObject().put("data", data);
        if (!media.isEmpty()) {
            JsonArray list = new JsonArray();
            media.forEach(k -> list.add(TwitterJson.media(k)));
            body.put("includes", new JsonObject().put("media", list));
        }
        return body;
    }

    private SimResponse ok(String body) {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(RATE_WINDOW))) {
            windowStart = now;
            windowCount = 0;
        }
        windowCount++;
        return SimResponse.json(200, body).withHeader("x-rate-limit-limit", Integer.toString(rateLimit))
                .withHeader("x-rate-limit-remaining", Integer.toString(Math.max(0, rateLimit - windowCount)))
                .withHeader("x-rate-limit-reset", Long.toString(windowStart.plus(RATE_WINDOW).getEpochSecond()));
    }

    private long nextId() {
        nextId += 1000 + chainsByVersionId.size() % 7;
        return nextId;
    }

    private Chain chainOf(String id) {
        try {
            return chainsByVersionId.get(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Chain existing(String id) {
        Chain c = chainOf(id);
        if (c == null) {
            throw new IllegalArgumentException("unknown simulated post " + id);
        }
        return c;
    }

    private UserData data(String userId) {
        UserData u = usersById.get(userId);
        if (u == null) {
            throw new IllegalArgumentException("unknown simulated user " + userId);
        }
        return u;
    }
}
