package de.wachposten.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Secret;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.Profile;
import de.wachposten.platform.ProfilePolls;
import de.wachposten.platform.RateBudget;
import de.wachposten.platform.http.JsonGet;
import de.wachposten.platform.http.RateHeaders;
import io.vertx.core.Future;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls the posts of one X account through the API v2 with an app-only bearer token.
 *
 * <p>Settings: {@code account} (the username, with or without {@code @}), credential {@code bearer_token} (required),
 * {@code base_url} (default {@code https://api.x.com}). The user id comes from
 * {@code GET /2/users/by/username/:username}, which also gives the profile (display name, bio, avatar, link); it is
 * repeated every {@link TwitterOptions#profileEvery()} polls. Reading, edits and deletions: {@link TwitterPoll}.
 *
 * <p>Rate limits: each response's {@code x-rate-limit-*} headers update a {@link RateBudget} window keyed by the
 * bearer token and the endpoint, shared by every channel built by the same factory; a request whose window is used
 * up fails as {@code rate_limited} with the wait until the reset, without being sent.
 */
public final class TwitterConnector implements Connector {

    /** Platform name in the config and in posts. */
    public static final String PLATFORM = "twitter";
    /** The API host when the channel sets no {@code base_url}. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.x.com");
    static final String USER_FIELDS = "user.fields=created_at,description,entities,name,profile_image_url,url,username";

    private final JsonGet http;
    private final TwitterMapper mapper;
    private final TwitterOptions options;
    private final String username;
    private final String token;
    private final AtomicLong polls = new AtomicLong();
    private volatile String userId;

    /** @throws PlatformException with reason CONFIG when the bearer token is missing or unset */
    public TwitterConnector(ChannelConfig channel, ConnectorEnv env, TwitterOptions options, RateBudget budget) {
        this.options = options;
        this.username = channel.account().strip().replaceFirst("^@", "");
        this.token = token(channel);
        URI base = channel.baseUrl() == null ? DEFAULT_BASE_URL : channel.baseUrl();
        this.http = new JsonGet(new JsonGet.Target(PLATFORM, channel.id(), base.toString(), token), env,
                new JsonGet.Limits(options.timeout(), options.maxBodyBytes()), RateHeaders.X,
                TwitterConnector::errorText, budget);
        this.mapper = new TwitterMapper(channel.id(), env.clock());
    }

    /** A factory whose connectors use {@code options} and share one {@link RateBudget} per bearer token. */
    public static ConnectorFactory factory(TwitterOptions options) {
        RateBudget budget = new RateBudget(1);
        return (channel, env) -> new TwitterConnector(channel, env, options, budget);
    }

    @Override
    public Future<FetchResult> fetch(String cursor, List<String> knownRecent) {
        long n = polls.getAndIncrement();
        boolean sweep = n % options.sweepEvery() == 0;
        boolean lookup = userId == null || n % options.profileEvery() == 0;
        List<String> known = knownRecent == null ? List.of() : knownRecent;
        Future<Profile> profile = !lookup ? Future.succeededFuture(null)
                : userId == null ? lookupUser() : ProfilePolls.tolerant(lookupUser());
        return profile.compose(p -> {
            TwitterPoll poll = new TwitterPoll(http, mapper, options, userId, username, key("timeline"),
                    key("lookup"));
            return poll.readNew(cursor)
                    .compose(v -> sweep ? poll.sweep(known) : Future.succeededFuture())
                    .map(v -> poll.result(cursor, p));
        });
    }

    private Future<Profile> lookupUser() {
        String path = "/2/users/by/username/" + encode(username) + "?" + USER_FIELDS;
        return http.get(path, key("user")).map(reply -> {
            JsonNode data = reply.json().path("data");
            String id = data.path("id").asText("");
            if (!data.isObject() || id.isEmpty()) {
                if (reply.json().path("errors").isArray()) {
                    throw http.failure(Reason.NOT_FOUND, "user @" + username + " not found: "
                            + JsonGet.shorten(reply.json().path("errors").path(0).path("detail").asText("")), null);
                }
                throw http.malformed("$.data.id", reply.path(), "expected a user with an id");
            }
            userId = id;
            return TwitterMapper.toProfile(data);
        });
    }

    private String key(String endpoint) {
        return RateBudget.key(token, PLATFORM + " " + endpoint);
    }

    /** The short text of an X error body: problem details or the legacy {@code errors[].message}. */
    static String errorText(JsonNode body) {
        if (body.path("detail").isTextual()) {
            return body.path("title").asText("") + ": " + body.path("detail").asText();
        }
        JsonNode first = body.path("errors").path(0);
        return first.path("message").isTextual() ? first.path("message").asText() : null;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String token(ChannelConfig channel) {
        Secret secret = channel.credential("bearer_token");
        if (secret == null) {
            throw new PlatformException(Reason.CONFIG, "twitter channel " + channel.id()
                    + ": credential bearer_token (an app-only bearer token of the X API) is required");
        }
        if (!secret.isSet()) {
            throw new PlatformException(Reason.CONFIG, "twitter channel " + channel.id()
                    + ": credential bearer_token: environment variable " + secret.envVar() + " is not set");
        }
        return secret.reveal();
    }
}
