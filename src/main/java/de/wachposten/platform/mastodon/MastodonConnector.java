package de.wachposten.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Secret;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PushSource;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.Profile;
import de.wachposten.platform.http.JsonGet;
import de.wachposten.platform.http.RateHeaders;
import io.vertx.core.Future;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls the public statuses of one Mastodon account on its home instance.
 *
 * <p>Settings: {@code base_url} (required, the instance), {@code account} ({@code user} or {@code user@instance}),
 * optional credential {@code access_token} sent as {@code Authorization: Bearer}. The account id is looked up once
 * and cached; a 404 on the statuses of a cached id triggers one new lookup. With a token the channel also listens to
 * the streaming API ({@link MastodonStream}), which wakes the poller at once. See {@link MastodonPoll} for paging,
 * edits and deletions, {@link JsonGet} for failure classification.
 */
public final class MastodonConnector implements Connector {

    /** Platform name in the config and in {@link de.wachposten.model.Post#platform()}. */
    public static final String PLATFORM = "mastodon";

    /** Builds connectors with {@link MastodonOptions#defaults()}. */
    public static final ConnectorFactory FACTORY = factory(MastodonOptions.defaults());

    private final ChannelConfig channel;
    private final JsonGet http;
    private final MastodonStatusMapper mapper;
    private final MastodonOptions options;
    private final String lookupAcct;
    private final AtomicLong polls = new AtomicLong();
    private final PushSource push;
    private volatile String accountId;

    /**
     * @throws PlatformException with reason CONFIG when the base URL is missing or the access token is unset
     */
    public MastodonConnector(ChannelConfig channel, ConnectorEnv env, MastodonOptions options) {
        this.channel = channel;
        this.options = options;
        URI base = channel.baseUrl();
        if (base == null || base.getHost() == null) {
            throw new PlatformException(Reason.CONFIG, "mastodon channel " + channel.id()
                    + ": base_url (the account's home instance) is required");
        }
        this.lookupAcct = lookupAcct(channel.account(), base.getHost());
        String token = token(channel);
        this.http = new JsonGet(new JsonGet.Target(PLATFORM, channel.id(), base.toString(), token), env,
                new JsonGet.Limits(options.timeout(), options.maxBodyBytes()), RateHeaders.MASTODON,
                MastodonConnector::errorText, null);
        this.push = token == null ? null : new MastodonStream(env.vertx(), channel.id(), base.toString(), token,
                lookupAcct);
        this.mapper = new MastodonStatusMapper(channel.id(), env.clock());
    }

    /** A factory whose connectors use {@code options}. */
    public static ConnectorFactory factory(MastodonOptions options) {
        return (channel, env) -> new MastodonConnector(channel, env, options);
    }

    /** The streaming API for channels with an {@code access_token}; none without. */
    @Override
    public PushSource push() {
        return push;
    }

    @Override
    public Future<FetchResult> fetch(String cursor, List<String> knownRecent) {
        boolean sweep = polls.getAndIncrement() % options.sweepEvery() == 0;
        List<String> known = knownRecent == null ? List.of() : knownRecent;
        String cached = accountId;
        Future<Account> account = cached != null ? Future.succeededFuture(new Account(cached, null)) : lookup();
        return account.compose(a -> poll(a, cursor, known, sweep).recover(failure -> {
            if (a.profile() == null && failure instanceof PlatformException e && e.reason() == Reason.NOT_FOUND) {
                accountId = null;
                return lookup().compose(fresh -> poll(fresh, cursor, known, sweep));
            }
            return Future.failedFuture(failure);
        }));
    }

    private Future<FetchResult> poll(Account account, String cursor, List<String> known, boolean sweep) {
        MastodonPoll poll = new MastodonPoll(http, mapper, options, account.id());
        return poll.readNew(cursor)
                .compose(v -> sweep ? poll.sweep(known) : Future.succeededFuture())
                .map(v -> poll.result(cursor, account.profile()));
    }

    private Future<Account> lookup() {
        return http.get("/api/v1/accounts/lookup?acct=" + MastodonPoll.encode(lookupAcct)).map(reply -> {
            JsonNode json = reply.json();
            String id = json.path("id").asText("");
            if (!json.isObject() || id.isEmpty()) {
                throw http.malformed("$.id", reply.path(), "expected an account with an id");
            }
            accountId = id;
            return new Account(id, MastodonStatusMapper.toProfile(json));
        });
    }

    /** The {@code acct} to look up: the bare user name when the account lives on the polled instance. */
    static String lookupAcct(String account, String host) {
        String acct = account.strip();
        acct = acct.startsWith("@") ? acct.substring(1) : acct;
        int at = acct.indexOf('@');
        if (at >= 0 && acct.substring(at + 1).toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))) {
            return acct.substring(0, at);
        }
        return acct;
    }

    /** The text of Mastodon's error body {@code {"error": "..."}}, or null. */
    private static String errorText(JsonNode error) {
        return error.path("error").isTextual() ? error.path("error").asText() : null;
    }

    private static String token(ChannelConfig channel) {
        Secret secret = channel.credential("access_token");
        if (secret == null) {
            return null;
        }
        if (!secret.isSet()) {
            throw new PlatformException(Reason.CONFIG, "mastodon channel " + channel.id()
                    + ": credential access_token: environment variable " + secret.envVar() + " is not set");
        }
        return secret.reveal();
    }

    /** A resolved account; the profile is set when it was looked up during this fetch. */
    private record Account(String id, Profile profile) {}
}
