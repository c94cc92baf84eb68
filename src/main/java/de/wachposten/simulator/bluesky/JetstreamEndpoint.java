package de.wachposten.simulator.bluesky;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Bluesky's Jetstream as far as Wachposten uses it: {@code GET /subscribe} upgraded to a WebSocket, filtered by
 * {@code wantedDids} and {@code wantedCollections} (repeated parameters; absent means all), replaying buffered events
 * from {@code cursor} (microseconds) on. Every event is one JSON text message; {@code time_us} increases strictly.
 * Reached through {@link BlueskySimulator#jetstream()}; posts published, edited or deleted through the simulator send
 * their commit events here. Faults: {@link #refuseUpgrades} answers the next upgrades with HTTP 503,
 * {@link #dropConnections} closes every open socket, {@link #sendRaw} sends any text (e.g. a malformed frame).
 */
public final class JetstreamEndpoint {
    private static final int BUFFERED = 1000;
    private static final String POSTS = "app.bsky.feed.post";

    /** One open subscription. */
    private record Subscriber(ServerWebSocket socket, Set<String> dids, Set<String> collections) {
        boolean wants(String did, String collection) {
            return (dids.isEmpty() || dids.contains(did))
                    && (collection == null || collections.isEmpty() || collections.contains(collection));
        }
    }

    /** One event as sent; {@code collection} null for identity and account events. */
    private record Event(long timeUs, String did, String collection, String text) {}

    private final Clock clock;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Deque<Event> buffer = new ArrayDeque<>();
    private final List<String> subscriptions = new ArrayList<>();
    private long lastTimeUs;
    private long revisions;
    private int refusals;

    JetstreamEndpoint(Clock clock) {
        this.clock = clock;
    }

    void register(Router router) {
        router.get("/subscribe").handler(this::subscribe);
    }

    /** Sends a commit event of {@code did}'s post {@code rkey}; {@code record} and {@code cid} null for a delete. */
    synchronized void commit(String did, String operation, String rkey, String cid, JsonObject record) {
        JsonObject commit = new JsonObject().put("rev", "3lfrev" + Long.toString(++revisions, 36))
                .put("operation", operation).put("collection", POSTS).put("rkey", rkey);
        if (record != null) {
            commit.put("record", record).put("cid", cid);
        }
        send(new JsonObject().put("did", did).put("kind", "commit").put("commit", commit), POSTS);
    }

    /** Sends an identity event of {@code actor} (as after a handle change). */
    public synchronized void identity(SimActor actor) {
        String did = actor.did();
        send(new JsonObject().put("did", did).put("kind", "identity").put("identity", new JsonObject().put("did", did)
                .put("handle", actor.handle()).put("seq", lastTimeUs).put("time", clock.instant().toString())), null);
    }

    /** Sends {@code text} as it is to every open socket. */
    public synchronized void sendRaw(String text) {
        subscribers.forEach(s -> s.socket().writeTextMessage(text));
    }

    /** Answers the next {@code times} upgrade requests with HTTP 503. */
    public synchronized void refuseUpgrades(int times) {
        refusals = times;
    }

    /** Closes every open socket (status 1011). */
    public synchronized void dropConnections() {
        List.copyOf(subscribers).forEach(s -> s.socket().close((short) 1011, "simulated drop"));
        subscribers.clear();
    }

    /** Sockets open now. */
    public synchronized int open() {
        return subscribers.size();
    }

    /** The request URI of every subscription attempt so far, refused ones included. */
    public synchronized List<String> subscriptions() {
        return List.copyOf(subscriptions);
    }

    private void send(JsonObject event, String collection) {
        long timeUs = next();
        String did = event.getString("did");
        JsonObject ordered = new JsonObject().put("did", did).put("time_us", timeUs);
        event.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        Event e = new Event(timeUs, did, collection, ordered.encode());
        buffer.addLast(e);
        if (buffer.size() > BUFFERED) {
            buffer.removeFirst();
        }
        subscribers.stream().filter(s -> s.wants(did, collection)).forEach(s -> s.socket().writeTextMessage(e.text()));
    }

    private long next() {
        long now = clock.instant().truncatedTo(ChronoUnit.MICROS).toEpochMilli() * 1000;
        lastTimeUs = Math.max(now, lastTimeUs + 1);
        return lastTimeUs;
    }

    private void subscribe(RoutingContext ctx) {
        synchronized (this) {
            subscriptions.add(ctx.request().uri());
            if (refusals > 0) {
                refusals--;
                ctx.response().setStatusCode(503).end("simulated refusal");
                return;
            }
        }
        Set<String> dids = Set.copyOf(ctx.request().params().getAll("wantedDids"));
        Set<String> collections = Set.copyOf(ctx.request().params().getAll("wantedCollections"));
        long cursor;
        try {
            cursor = Long.parseLong(ctx.request().getParam("cursor", "-1"));
        } catch (NumberFormatException e) {
            ctx.response().setStatusCode(400).end("invalid cursor");
            return;
        }
        ctx.request().toWebSocket().onSuccess(ws -> opened(new Subscriber(ws, dids, collections), cursor));
    }

    private synchronized void opened(Subscriber s, long from) {
        if (from >= 0) {
            buffer.stream().filter(e -> e.timeUs() >= from && s.wants(e.did(), e.collection()))
                    .forEach(e -> s.socket().writeTextMessage(e.text()));
        }
        subscribers.add(s);
        s.socket().closeHandler(v -> {
            synchronized (this) {
                subscribers.remove(s);
            }
        });
    }
}
