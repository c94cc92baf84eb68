package de.wachposten.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.config.ChannelConfig;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.Profile;
import de.wachposten.platform.ProfilePolls;
import de.wachposten.platform.PushSource;
import de.wachposten.platform.http.JsonGet;
import de.wachposten.platform.http.RateHeaders;
import io.vertx.core.Future;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls the posts of one Bluesky account on the public AppView, without credentials.
 *
 * <p>Settings: {@code account} (a handle such as {@code presse.bsky.social}, or a DID), {@code base_url} (default
 * {@code https://public.api.bsky.app}). The profile ({@code app.bsky.actor.getProfile}) gives the account's DID, which
 * the connector uses from then on, so a handle change does not break polling; it is re-read every
 * {@link BlueskyOptions#profileEvery()} polls. Reading, rewrites and deletions: {@link BlueskyPoll}. With
 * {@code jetstream_url} the channel also listens to Jetstream ({@link BlueskyJetstream}) for the DID, which wakes the
 * poller at once.
 */
public final class BlueskyConnector implements Connector {

    /** Platform name in the config and in posts. */
    public static final String PLATFORM = "bluesky";
    /** The AppView when the channel sets no {@code base_url}. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://public.api.bsky.app");
    private static final int REMEMBERED_CIDS = 1000;

    private final JsonGet http;
    private final BlueskyMapper mapper;
    private final BlueskyOptions options;
    private final String account;
    private final AtomicLong polls = new AtomicLong();
    private final Map<String, String> cids = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_CIDS;
        }
    };
    private volatile String did;
    private final BlueskyJetstream jetstream;

    public BlueskyConnector(ChannelConfig channel, ConnectorEnv env, BlueskyOptions options) {
        this.options = options;
        this.account = channel.account().strip().replaceFirst("^@", "");
        URI base = channel.baseUrl() == null ? DEFAULT_BASE_URL : channel.baseUrl();
        this.http = new JsonGet(new JsonGet.Target(PLATFORM, channel.id(), base.toString(), null), env,
                new JsonGet.Limits(options.timeout(), options.maxBodyBytes()), RateHeaders.ATPROTO,
                BlueskyConnector::errorText, null);
        this.mapper = new BlueskyMapper(channel.id(), env.clock(), options.clockSkew());
        this.jetstream = channel.jetstreamUrl() == null ? null
                : new BlueskyJetstream(env.vertx(), channel.id(), channel.jetstreamUrl(), this::resolveDid);
        if (jetstream != null && account.startsWith("did:")) {
            jetstream.follow(account);
        }
    }

    /** A factory whose connectors use {@code options}. */
    public static ConnectorFactory factory(BlueskyOptions options) {
        return (channel, env) -> new BlueskyConnector(channel, env, options);
    }

    @Override
    public Future<FetchResult> fetch(String cursor, List<String> knownRecent) {
        long n = polls.getAndIncrement();
        boolean lookup = did == null || n % options.profileEvery() == 0;
        List<String> known = knownRecent == null ? List.of() : knownRecent;
        Future<Profile> profile = !lookup ? Future.succeededFuture(null)
                : did == null ? profile() : ProfilePolls.tolerant(profile());
        return profile.compose(p -> {
            BlueskyPoll poll = new BlueskyPoll(http, mapper, options, did, cids);
            return poll.readNew(cursor).compose(v -> poll.sweep(known)).map(v -> poll.result(cursor, p));
        });
    }

    /** The account's DID, looked up when not yet known. */
    private Future<String> resolveDid() {
        String known = did;
        return known != null ? Future.succeededFuture(known) : profile().map(p -> did);
    }

    private Future<Profile> profile() {
        String actor = did != null ? did : account;
        return http.get("/xrpc/app.bsky.actor.getProfile?actor=" + encode(actor)).map(reply -> {
            JsonNode json = reply.json();
            String found = json.path("did").asText("");
            if (!json.isObject() || !found.startsWith("did:")) {
                throw http.malformed("$.did", reply.path(), "expected a profile with a DID");
            }
            did = found;
            if (jetstream != null) {
                jetstream.follow(found);
            }
            return BlueskyMapper.toProfile(json);
        });
    }

    /** Jetstream when the channel sets {@code jetstream_url}, else null (polled only). */
    @Override
    public PushSource push() {
        return jetstream;
    }

    /** The text of an XRPC error body: {@code error} and {@code message}. */
    static String errorText(JsonNode body) {
        String error = body.path("error").asText("");
        String message = body.path("message").asText("");
        return error.isEmpty() ? null : message.isEmpty() ? error : error + ": " + message;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
