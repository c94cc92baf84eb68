package de.wachposten.platform.youtube;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Secret;
import de.wachposten.model.Post;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.Profile;
import de.wachposten.platform.ProfilePolls;
import de.wachposten.platform.feed.Feed;
import de.wachposten.platform.feed.FeedFetch;
import de.wachposten.platform.feed.FeedItem;
import de.wachposten.platform.feed.ItemLedger;
import de.wachposten.platform.http.HttpFetch;
import de.wachposten.platform.http.HttpOptions;
import io.vertx.core.Future;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Polls the public Atom feed of one YouTube channel: {@code GET /feeds/videos.xml?channel_id=UC…} below
 * {@code base_url} (default {@code https://www.youtube.com}); {@code account} is the channel id. The feed shows the
 * newest videos only (about 15) and has no paging, so new, edited ({@code updated}, title or description changed) and
 * deleted or privatised videos (gone while inside the window) come from the {@link ItemLedger} cursor. The post id
 * is the video id, the text title and description; YouTube exposes no posting client.
 *
 * <p>With credential {@code api_key} the connector reads the Data API v3 instead ({@link YouTubeDataApi}:
 * {@code playlistItems.list} of the uploads playlist below {@code base_url} or {@code https://www.googleapis.com},
 * paged to a known video, quota units counted, {@code quotaExceeded} as {@code rate_limited} until Google's reset).
 *
 * <p>Profile ({@link YouTubeProfile}): from the feed, the channel title at every poll (it costs no request); with
 * {@code api_key}, {@code channels.list} before the videos at the first poll and then at every
 * {@value ProfilePolls#DEFAULT_EVERY}th (one quota unit each). A profile refused or garbled alone is skipped with a
 * warning ({@link ProfilePolls#tolerant}); any other failed read fails the poll and the cursor stays, so the next
 * poll, which reads the profile again, misses no video.
 */
public final class YouTubeConnector implements Connector {
    /** Platform name in the config and in posts. */
    public static final String PLATFORM = "youtube";
    /** Builds connectors with {@link HttpOptions#defaults()}. */
    public static final ConnectorFactory FACTORY = factory(HttpOptions.defaults());
    private static final String DEFAULT_BASE = "https://www.youtube.com";
    private static final Pattern CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{10,40}");

    private final ChannelConfig channel;
    private final ConnectorEnv env;
    private final HttpFetch http;
    private final String url;
    private final YouTubeDataApi api;
    private final ProfilePolls profiles = new ProfilePolls(ProfilePolls.DEFAULT_EVERY);

    /** @throws PlatformException with reason CONFIG when the account is no channel id */
    public YouTubeConnector(ChannelConfig channel, ConnectorEnv env, HttpOptions options) {
        this.channel = channel;
        this.env = env;
        String id = channel.account().strip();
        if (!CHANNEL_ID.matcher(id).matches()) {
            throw new PlatformException(Reason.CONFIG, "youtube channel " + channel.id()
                    + ": account must be the channel id (UC followed by letters, digits, - or _), not " + id);
        }
        URI base = channel.baseUrl() == null ? URI.create(DEFAULT_BASE) : channel.baseUrl();
        String b = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        this.url = b + "/feeds/videos.xml?channel_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        Secret key = channel.credential("api_key");
        if (key != null && !key.isSet()) {
            throw new PlatformException(Reason.CONFIG, "youtube channel " + channel.id()
                    + ": credential api_key: environment variable " + key.envVar() + " is not set");
        }
        this.http = new HttpFetch(PLATFORM, channel.id(), env, options, key == null ? List.of() : List.of(key.reveal()));
        String apiBase = channel.baseUrl() == null ? "https://www.googleapis.com" : b;
        this.api = key == null ? null : new YouTubeDataApi(http, env, apiBase, id, key.reveal());
    }

    /** A factory whose connectors use {@code options}. */
    public static ConnectorFactory factory(HttpOptions options) {
        return (channel, env) -> new YouTubeConnector(channel, env, options);
    }

    @Override
    public Future<FetchResult> fetch(String cursor, List<String> knownRecent) {
        if (api != null) {
            java.util.Set<String> known;
            try {
                known = ItemLedger.keys(cursor);
            } catch (ItemLedger.CursorException e) {
                return Future.failedFuture(FeedFetch.cursorFailure(http, e));
            }
            boolean profileDue = profiles.due();
            Future<Profile> profile = profileDue ? ProfilePolls.tolerant(api.profile()) : Future.succeededFuture(null);
            return profile.compose(p -> api.read(cursor == null, known).map(items -> read(cursor, new Feed("youtube",
                    channel.account(), null, items), p))).onSuccess(r -> {
                        if (profileDue) {
                            profiles.delivered();
                        }
                    });
        }
        return http.get(url, Map.of("Accept", "application/atom+xml, text/xml;q=0.9, */*;q=0.1")).map(r -> {
            if (r.status() < 200 || r.status() >= 300) {
                throw r.status() == 404 ? http.failure(Reason.NOT_FOUND, "HTTP 404 on " + r.request()
                        + ": no such channel (or it has no public videos)", null) : http.statusFailure(r, null);
            }
            Feed feed = FeedFetch.parse(http, r);
            return read(cursor, feed, YouTubeProfile.fromFeed(feed));
        });
    }

    private FetchResult read(String cursor, Feed feed, Profile profile) {
        Instant now = env.clock().instant();
        List<FeedItem> videos = feed.items().stream().map(YouTubeConnector::byVideoId).toList();
        ItemLedger.Outcome outcome;
        try {
            outcome = ItemLedger.apply(cursor, videos, now);
        } catch (ItemLedger.CursorException e) {
            throw FeedFetch.cursorFailure(http, e);
        }
        List<Post> posts = new ArrayList<>();
        for (ItemLedger.Change c : outcome.changes()) {
            FeedItem v = c.item();
            posts.add(new Post(channel.id(), PLATFORM, v.id(), v.url() != null ? v.url()
                    : "https://www.youtube.com/watch?v=" + v.id(), v.author() != null ? v.author() : feed.title(),
                    v.text(), c.publishedAt(), c.editedAt(), null, null, v.links(), now, v.raw())
                    .withShape(false, false, false, v.media()));
        }
        return new FetchResult(posts, outcome.cursor(), outcome.deletedIds(), profile, null, outcome.undatedIds());
    }

    /** The entry keyed by its video id ({@code yt:video:ID} → {@code ID}). */
    private static FeedItem byVideoId(FeedItem entry) {
        String id = entry.id().startsWith("yt:video:") ? entry.id().substring(9) : entry.id();
        return new FeedItem(id, entry.url(), entry.author(), entry.text(), entry.links(), entry.published(),
                entry.updated(), entry.raw(), entry.media());
    }
}
