package de.wachposten.simulator;

import de.wachposten.simulator.bluesky.BlueskySimulator;
import de.wachposten.simulator.mastodon.MastodonSimulator;
import de.wachposten.simulator.twitter.TwitterSimulator;
import de.wachposten.simulator.flickr.FlickrSimulator;
import de.wachposten.simulator.meta.MetaSimulator;
import de.wachposten.simulator.rss.RssSimulator;
import de.wachposten.simulator.youtube.YouTubeSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Objects;

/**
 * One HTTP server on 127.0.0.1 that plays the platforms. Each platform's routes are registered by its own route set
 * (for now {@link MastodonSimulator}); all share one {@link Faults} registry and request log.
 *
 * <pre>{@code
 * PlatformSimulator sim = new PlatformSimulator(vertx, Clock.systemUTC());
 * sim.start().await();
 * SimAccount presse = sim.mastodon().account("presse", "Pressestelle");
 * sim.mastodon().publish(presse, "Hallo https://example.de", clock.instant(), "Web");
 * sim.faults().inject("presse", Fault.HTTP_503, 2);
 * }</pre>
 */
public final class PlatformSimulator {
    private final Vertx vertx;
    private final int requestedPort;
    private final Faults faults = new Faults();
    private final Router router;
    private final MastodonSimulator mastodon;
    private final TwitterSimulator twitter;
    private final BlueskySimulator bluesky;
    private final RssSimulator rss;
    private final YouTubeSimulator youtube;
    private final FlickrSimulator flickr;
    private final MetaSimulator meta;
    private volatile HttpServer server;

    /** A simulator on a free port. */
    public PlatformSimulator(Vertx vertx, Clock clock) {
        this(vertx, clock, 0);
    }

    /** A simulator on {@code port} (0: a free port). */
    public PlatformSimulator(Vertx vertx, Clock clock, int port) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.requestedPort = port;
        this.router = Router.router(vertx);
        FaultPlayer player = new FaultPlayer(vertx, faults);
        this.mastodon = new MastodonSimulator(Objects.requireNonNull(clock, "clock"), player, this::baseUrl);
        mastodon.register(router);
        this.twitter = new TwitterSimulator(clock, player);
        twitter.register(router);
        this.bluesky = new BlueskySimulator(clock, player);
        bluesky.register(router);
        this.youtube = new YouTubeSimulator(clock, player, this::baseUrl);
        youtube.register(router);
        this.rss = new RssSimulator(clock, player, this::baseUrl);
        rss.register(router);
        this.flickr = new FlickrSimulator(player);
        flickr.register(router);
        this.meta = new MetaSimulator(player, this::baseUrl);
        meta.register(router);
    }

    /** Starts listening on 127.0.0.1. */
    public Future<PlatformSimulator> start() {
        return vertx.createHttpServer().requestHandler(router).listen(requestedPort, "127.0.0.1").map(s -> {
            server = s;
            return this;
        });
    }

    /** Stops the server and closes open connections (including hanging requests). */
    public Future<Void> stop() {
        HttpServer s = server;
        return s == null ? Future.succeededFuture() : s.close();
    }

    /** The port listened on; only after {@link #start()}. */
    public int port() {
        HttpServer s = server;
        if (s == null) {
            throw new IllegalStateException("simulator not started");
        }
        return s.actualPort();
    }

    /** {@code http://127.0.0.1:<port>}; only after {@link #start()}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The Mastodon instance. */
    public MastodonSimulator mastodon() {
        return mastodon;
    }

    /** The X API v2. */
    public TwitterSimulator twitter() {
        return twitter;
    }

    /** The Bluesky AppView. */
    public BlueskySimulator bluesky() {
        return bluesky;
    }

    /** The RSS/Atom feeds. */
    public RssSimulator rss() {
        return rss;
    }

    /** The Meta Graph API: Facebook Pages and Instagram accounts. */
    public MetaSimulator meta() {
        return meta;
    }

    /** Flickr: public feed and REST API. */
    public FlickrSimulator flickr() {
        return flickr;
    }

    /** The YouTube channel feeds. */
    public YouTubeSimulator youtube() {
        return youtube;
    }

    /** Requests received on {@code route} for {@code account}; null for either means any. */
    public int requestCount(String route, String account) {
        return faults.requestCount(route, account);
    }

    /** Fault injection and the request log, shared by all platforms. */
    public Faults faults() {
        return faults;
    }
}
