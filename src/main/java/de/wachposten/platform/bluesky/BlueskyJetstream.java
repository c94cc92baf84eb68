package de.wachposten.platform.bluesky;

import de.wachposten.platform.PushSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bluesky's Jetstream as a {@link PushSource}: a WebSocket to
 * {@code <jetstream_url>/subscribe?wantedCollections=app.bsky.feed.post&wantedDids=<did>}. Every post commit
 * (create, update, delete) and every {@code identity} or {@code account} event of the channel's DID wakes the poller;
 * frames are hints only and never become posts (Jetstream carries no signatures), the poll confirms on the AppView.
 *
 * <p>The subscription needs the DID. When the channel's account is a handle the source asks the connector to resolve
 * it ({@code app.bsky.actor.getProfile}) right at {@link #start}, so push works before the first poll; the connector
 * also calls {@link #follow} whenever its own profile lookup knows the DID. A failed lookup is retried like a failed
 * connection. A refused or dropped
 * connection reconnects after 1 s, doubling up to 60 s; a connection that delivered a frame resets the delay. The
 * reconnect resumes with {@code cursor} = the last {@code time_us} minus {@link #REPLAY} and wakes the poller once,
 * so whatever happened while disconnected is polled. A ping every 30 s keeps the connection checked: no answer for
 * 90 s closes it. Malformed frames are skipped, logged once per burst.
 */
final class BlueskyJetstream implements PushSource {
    private static final Logger LOG = LoggerFactory.getLogger(BlueskyJetstream.class);
    /** How far before the last seen event a resumed subscription starts. */
    static final Duration REPLAY = Duration.ofSeconds(5);
    private static final Duration PING_EVERY = Duration.ofSeconds(30);
    private static final int READ_IDLE_SECONDS = 90;
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private final Vertx vertx;
    private final String channelId;
    private final URI base;
    private final Supplier<Future<String>> resolveDid;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    private WebSocketClient client;       // guarded by this
    private Runnable wake;                // guarded by this
    private String did;                   // guarded by this
    private WebSocket socket;             // guarded by this
    private boolean connecting;           // guarded by this: connecting or resolving the DID
    private boolean stopped;              // guarded by this
    private boolean connectedBefore;      // guarded by this
    private boolean framesOnSocket;       // guarded by this
    private boolean malformedLogged;      // guarded by this
    private long lastTimeUs = -1;         // guarded by this
    private long retryTimer = -1;         // guarded by this
    private long pingTimer = -1;          // guarded by this

    /**
     * {@code jetstreamUrl} is the instance ({@code ws://} or {@code wss://}), with or without {@code /subscribe};
     * {@code resolveDid} looks the channel's DID up (failing with the connector's {@code PlatformException}).
     */
    BlueskyJetstream(Vertx vertx, String channelId, URI jetstreamUrl, Supplier<Future<String>> resolveDid) {
        this.vertx = vertx;
        this.channelId = channelId;
        this.base = jetstreamUrl;
        this.resolveDid = resolveDid;
    }

    @Override
    public synchronized void start(Runnable wakeUp) {
        this.wake = wakeUp;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setVerifyHost(true)
                .setConnectTimeout(15_000).setReadIdleTimeout(READ_IDLE_SECONDS).setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setMaxFrameSize(MAX_MESSAGE_BYTES));
        connect();
    }

    /** Subscribes for {@code channelDid} from now on: connects once started, unless connected or waiting already. */
    synchronized void follow(String channelDid) {
        if (!channelDid.equals(did)) {
            boolean switching = did != null;
            did = channelDid;
            lastTimeUs = -1;
            if (switching && socket != null) {
                socket.close(); // the close handler reconnects with the new DID
                return;
            }
        }
        connect();
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        vertx.cancelTimer(retryTimer);
        vertx.cancelTimer(pingTimer);
        if (socket != null) {
            socket.close();
            socket = null;
        }
        if (client != null) {
            client.close();
        }
    }

    /** The request URI of the subscription: path and query, with the resume cursor when there is one. */
    synchronized String requestUri() {
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String query = "wantedCollections=" + JetstreamFrame.POSTS + "&wantedDids=" + BlueskyConnector.encode(did);
        if (lastTimeUs > 0) {
            query += "&cursor=" + Math.max(0, lastTimeUs - REPLAY.toNanos() / 1000);
        }
        return (path.endsWith("/subscribe") ? path : path + "/subscribe") + "?" + query;
    }

    private synchronized void connect() {
        if (stopped || client == null || connecting || socket != null || retryTimer >= 0) {
            return;
        }
        connecting = true;
        if (did == null) {
            resolveDid.get().onComplete(ar -> {
                synchronized (this) {
                    connecting = false;
                }
                if (ar.succeeded()) {
                    follow(ar.result());
                } else {
                    retry("cannot resolve the account's DID: " + ar.cause().getMessage());
                }
            });
            return;
        }
        boolean tls = base.getScheme().toLowerCase(Locale.ROOT).equals("wss");
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : tls ? 443 : 80).setSsl(tls).setURI(requestUri())
                .setTimeout(15_000);
        client.connect(options).onComplete(ar -> {
            synchronized (this) {
                connecting = false;
            }
            if (ar.succeeded()) {
                opened(ar.result());
            } else {
                retry("cannot connect: " + ar.cause().getMessage());
            }
        });
    }

    private void opened(WebSocket ws) {
        boolean reconnected;
        Runnable w;
        synchronized (this) {
            if (stopped) {
                ws.close();
                return;
            }
            socket = ws;
            framesOnSocket = false;
            malformedLogged = false;
            reconnected = connectedBefore;
            connectedBefore = true;
            w = wake;
            pingTimer = vertx.setPeriodic(PING_EVERY.toMillis(), id -> ws.writePing(Buffer.buffer("wachposten")));
        }
        LOG.info("bluesky channel {}: Jetstream connected to {}", channelId, base.getHost());
        ws.textMessageHandler(text -> onText(ws, text));
        ws.binaryMessageHandler(b -> onText(ws, null));
        ws.exceptionHandler(e -> closed(ws, "connection broke: " + e.getMessage()));
        ws.closeHandler(v -> closed(ws, "connection closed" + (ws.closeStatusCode() == null ? ""
                : " (" + ws.closeStatusCode() + ")")));
        if (reconnected) {
            w.run(); // events while disconnected may be beyond the replay: one poll covers the gap
        }
    }

    private void onText(WebSocket ws, String text) {
        JetstreamFrame frame;
        Runnable w;
        synchronized (this) {
            if (socket != ws) {
                return;
            }
            try {
                frame = text == null ? null : JetstreamFrame.parse(text);
            } catch (JetstreamFrame.MalformedFrameException e) {
                frame = null;
                logMalformed(e.getMessage());
            }
            if (frame == null) {
                if (text == null) {
                    logMalformed("a binary frame (compression is not requested)");
                }
                return;
            }
            malformedLogged = false;
            framesOnSocket = true;
            lastTimeUs = Math.max(lastTimeUs, frame.timeUs());
            if (!frame.wakes(did)) {
                return;
            }
            w = wake;
        }
        w.run();
    }

    /** Logs the first malformed frame of a burst; a good frame ends the burst. Caller holds the lock. */
    private void logMalformed(String cause) {
        if (!malformedLogged) {
            malformedLogged = true;
            LOG.warn("bluesky channel {}: skipping a malformed Jetstream frame: {} (further ones until the next good "
                    + "frame are skipped silently)", channelId, cause);
        }
    }

    private void closed(WebSocket ws, String cause) {
        synchronized (this) {
            if (socket != ws) {
                return; // stopped, or the error and the close of one socket: reconnect once
            }
            socket = null;
            vertx.cancelTimer(pingTimer);
            pingTimer = -1;
            if (framesOnSocket) {
                backoff.reset();
            }
        }
        retry(cause);
    }

    private synchronized void retry(String cause) {
        if (stopped || retryTimer >= 0) {
            return;
        }
        Duration after = backoff.next();
        LOG.warn("bluesky channel {}: Jetstream {}; polling goes on, reconnecting in {} s", channelId, cause,
                after.toSeconds());
        retryTimer = vertx.setTimer(after.toMillis(), id -> {
            synchronized (this) {
                retryTimer = -1;
            }
            connect();
        });
    }
}
