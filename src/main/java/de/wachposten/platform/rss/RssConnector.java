package de.wachposten.platform.rss;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Secret;
import de.wachposten.model.Post;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.feed.Feed;
import de.wachposten.platform.feed.FeedFetch;
import de.wachposten.platform.feed.ItemLedger;
import de.wachposten.platform.http.HttpFetch;
import de.wachposten.platform.http.HttpOptions;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Polls one RSS 0.9x/2.0, RSS 1.0 or Atom feed; {@code account} is the feed URL, optional credentials
 * {@code username} and {@code password} are sent as HTTP Basic auth.
 *
 * <p>Requests are conditional ({@code If-None-Match}, {@code If-Modified-Since} with the validators of the last
 * response, while the cursor is the one that response produced): 304 means nothing new. Redirects are followed (at
 * most five, loops fail the poll); after a 301/308 later polls go to the new URL. New, edited and deleted items come
 * from the {@link ItemLedger} cursor; the client of every post is the feed-level {@code <generator>} (the CMS that
 * wrote the feed), since feeds have no per-item client.
 *
 * <p>Profile ({@link FeedProfile}): the feed's own title, description, image and site link, read at every poll that
 * gets the document (no request of its own); a 304 shows no profile (null: not seen, never "changed").
 */
public final class RssConnector implements Connector {
    /** Platform name in the config and in posts. */
    public static final String PLATFORM = "rss";
    /** Builds connectors with {@link HttpOptions#defaults()}. */
    public static final ConnectorFactory FACTORY = factory(HttpOptions.defaults());
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

    private final ChannelConfig channel;
    private final ConnectorEnv env;
    private final HttpFetch http;
    private final String authorization;
    private volatile String url;
    private volatile Validators validators;

    private record Validators(String cursor, String etag, String lastModified) {}

    /** @throws PlatformException with reason CONFIG when the feed URL or the credentials cannot work */
    public RssConnector(ChannelConfig channel, ConnectorEnv env, HttpOptions options) {
        this.channel = channel;
        this.env = env;
        this.url = feedUrl(channel);
        String user = secret(channel, "username");
        String password = secret(channel, "password");
        if ((user == null) != (password == null)) {
            throw new PlatformException(Reason.CONFIG, "rss channel " + channel.id()
                    + ": credentials username and password go together");
        }
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        List<String> secrets = new ArrayList<>();
        secrets.add(password);
        secrets.add(authorization == null ? null : authorization.substring(6));
        this.http = new HttpFetch(PLATFORM, channel.id(), env, options, secrets);
    }

    /** A factory whose connectors use {@code options}. */
    public static ConnectorFactory factory(HttpOptions options) {
        return (channel, env) -> new RssConnector(channel, env, options);
    }

    @Override
    public Future<FetchResult> fetch(String cursor, List<String> knownRecent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", ACCEPT);
        headers.put("Accept-Encoding", "gzip");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        Validators v = validators;
        boolean conditional = v != null && cursor != null && cursor.equals(v.cursor());
        if (conditional && v.etag() != null) {
            headers.put("If-None-Match", v.etag());
        }
        if (conditional && v.lastModified() != null) {
            headers.put("If-Modified-Since", v.lastModified());
        }
        return http.get(url, headers).map(r -> {
            if (r.status() == 304 && conditional) {
                return new FetchResult(List.of(), cursor, List.of(), null, null);
            }
            if (r.status() < 200 || r.status() >= 300) {
                throw r.status() == 410 ? http.failure(Reason.NOT_FOUND, "HTTP 410 on " + r.request()
                        + ": the feed is gone", null) : http.statusFailure(r, null);
            }
            if (r.movedPermanently()) {
                url = r.url();
            }
            FetchResult result = read(cursor, FeedFetch.parse(http, r));
            validators = new Validators(result.cursor(), r.header("ETag"), r.header("Last-Modified"));
            return result;
        });
    }

    private FetchResult read(String cursor, Feed feed) {
        Instant now = env.clock().instant();
        ItemLedger.Outcome outcome;
        try {
            outcome = ItemLedger.apply(cursor, feed.items(), now);
        } catch (ItemLedger.CursorException e) {
            throw FeedFetch.cursorFailure(http, e);
        }
        List<Post> posts = new ArrayList<>();
        for (ItemLedger.Change c : outcome.changes()) {
            var item = c.item();
            posts.add(new Post(channel.id(), PLATFORM, item.id(), item.url(),
                    item.author() != null ? item.author() : feed.title(), item.text(), c.publishedAt(), c.editedAt(),
                    feed.generator(), null, item.links(), now, item.raw())
                    .withShape(false, false, false, item.media()));
        }
        return new FetchResult(posts, outcome.cursor(), outcome.deletedIds(), FeedProfile.of(feed), null,
                outcome.undatedIds());
    }

    private static String feedUrl(ChannelConfig channel) {
        try {
            URI uri = URI.create(channel.account().strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new PlatformException(Reason.CONFIG, "rss channel " + channel.id()
                    + ": account must be the feed's http(s) URL: " + e.getMessage());
        }
    }

    private static String secret(ChannelConfig channel, String key) {
        Secret s = channel.credential(key);
        if (s == null) {
            return null;
        }
        if (!s.isSet()) {
            throw new PlatformException(Reason.CONFIG, "rss channel " + channel.id() + ": credential " + key
                    + ": environment variable " + s.envVar() + " is not set");
        }
        return s.reveal();
    }
}
