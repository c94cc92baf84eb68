package de.wachposten.platform.flickr;

import com.fasterxml.jackson.databind.JsonNode;
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
import de.wachposten.platform.feed.FeedItem;
import de.wachposten.platform.feed.ItemLedger;
import de.wachposten.platform.http.HttpFetch;
import de.wachposten.platform.http.HttpOptions;
import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Polls the public photos of one Flickr account; {@code account} is the user's NSID ({@code 12345678@N02}).
 *
 * <p>Without credentials: the public feed {@code GET /services/feeds/photos_public.gne?id=…&format=json&nojsoncallback=1}
 * below {@code base_url} (default {@code https://www.flickr.com}), the newest ~20 photos. With credential
 * {@code api_key}: {@code flickr.people.getPublicPhotos} on {@code https://api.flickr.com} (or {@code base_url}) with
 * extras {@code date_upload,last_update,description,media,url_m}, 100 per page, newest first, paging on until a known photo
 * (at most {@value #MAX_PAGES} pages). Both feed the {@link ItemLedger} cursor: new photos, edits (title or
 * description changed, {@code lastupdate} moved) and deletions (a photo gone while inside the window). Flickr
 * exposes no posting client. The key never appears in a message.
 *
 * <p>Profile ({@link FlickrProfile}): from the public feed, the name in its title at every poll (no request of its
 * own); with {@code api_key}, {@code flickr.people.getInfo} before the photos at the first poll and then at every
 * {@value ProfilePolls#DEFAULT_EVERY}th. A profile refused or garbled alone is skipped with a warning
 * ({@link ProfilePolls#tolerant}); any other failed read fails the poll and the cursor stays.
 */
public final class FlickrConnector implements Connector {
    /** Platform name in the config and in posts. */
    public static final String PLATFORM = "flickr";
    /** Builds connectors with {@link HttpOptions#defaults()}. */
    public static final ConnectorFactory FACTORY = factory(HttpOptions.defaults());
    static final int MAX_PAGES = 5;
    private static final Pattern NSID = Pattern.compile("\\d+@N\\d{2}");

    private final ChannelConfig channel;
    private final ConnectorEnv env;
    private final HttpFetch http;
    private final String nsid;
    private final String apiKey;
    private final String feedBase;
    private final String apiBase;
    private final ProfilePolls profiles = new ProfilePolls(ProfilePolls.DEFAULT_EVERY);

    /** One read of the public feed: its photos and the profile its title shows. */
    private record FeedWindow(List<FeedItem> items, Profile profile) {}

    /** @throws PlatformException with reason CONFIG when the account is no NSID or the key is unset */
    public FlickrConnector(ChannelConfig channel, ConnectorEnv env, HttpOptions options) {
        this.channel = channel;
        this.env = env;
        this.nsid = channel.account().strip();
        if (!NSID.matcher(nsid).matches()) {
            throw new PlatformException(Reason.CONFIG, "flickr channel " + channel.id()
                    + ": account must be the user's NSID such as 12345678@N02, not " + nsid);
        }
        Secret key = channel.credential("api_key");
        if (key != null && !key.isSet()) {
            throw new PlatformException(Reason.CONFIG, "flickr channel " + channel.id()
                    + ": credential api_key: environment variable " + key.envVar() + " is not set");
        }
        this.apiKey = key == null ? null : key.reveal();
        String base = channel.baseUrl() == null ? null : channel.baseUrl().toString().replaceFirst("/$", "");
        this.feedBase = base == null ? "https://www.flickr.com" : base;
        this.apiBase = base == null ? "https://api.flickr.com" : base;
        this.http = new HttpFetch(PLATFORM, channel.id(), env, options, apiKey == null ? List.of() : List.of(apiKey));
    }

    /** A factory whose connectors use {@code options}. */
    public static ConnectorFactory factory(HttpOptions options) {
        return (channel, env) -> new FlickrConnector(channel, env, options);
    }

    @Override
    public Future<FetchResult> fetch(String cursor, List<String> knownRecent) {
        Set<String> known;
        try {
            known = ItemLedger.keys(cursor);
        } catch (ItemLedger.CursorException e) {
            return Future.failedFuture(http.failure(Reason.MALFORMED, e.getMessage(), null));
        }
        if (apiKey == null) {
            return feed().map(w -> result(cursor, w.items(), w.profile()));
        }
        boolean profileDue = profiles.due();
        Future<Profile> profile = profileDue ? ProfilePolls.tolerant(person()) : Future.succeededFuture(null);
        return profile.compose(p -> pages(1, cursor == null, known, new ArrayList<>()).map(items -> result(cursor,
                items, p))).onSuccess(r -> {
                    if (profileDue) {
                        profiles.delivered();
                    }
                });
    }

    /** {@code flickr.people.getInfo}: fails like the photo reads, and as MALFORMED without a person object. */
    private Future<Profile> person() {
        String url = apiBase + "/services/rest/?method=flickr.people.getInfo&api_key=" + enc(apiKey) + "&user_id="
                + enc(nsid) + "&format=json&nojsoncallback=1";
        return http.get(url, Map.of("Accept", "application/json")).map(r -> {
            if (r.status() < 200 || r.status() >= 300) {
                throw http.statusFailure(r, null);
            }
            JsonNode body = FlickrPhotos.parse(http, r);
            if (!"ok".equals(body.path("stat").asText())) {
                throw FlickrPhotos.apiError(http, body, r.request());
            }
            if (!body.path("person").isObject()) {
                throw http.failure(Reason.MALFORMED, "malformed JSON at $.person of " + r.request()
                        + ": expected an object", null);
            }
            return FlickrProfile.fromPerson(body.path("person"), nsid);
        });
    }

    private Future<FeedWindow> feed() {
        String url = feedBase + "/services/feeds/photos_public.gne?id=" + enc(nsid) + "&format=json&nojsoncallback=1";
        return http.get(url, Map.of("Accept", "application/json")).map(r -> {
            if (r.status() < 200 || r.status() >= 300) {
                throw http.statusFailure(r, null);
            }
            JsonNode body = FlickrPhotos.parse(http, r);
            return new FeedWindow(FlickrPhotos.fromFeed(http, body, r.request()), FlickrProfile.fromFeed(body));
        });
    }

    private Future<List<FeedItem>> pages(int page, boolean firstPoll, Set<String> known, List<FeedItem> acc) {
        String url = apiBase + "/services/rest/?method=flickr.people.getPublicPhotos&api_key=" + enc(apiKey)
                + "&user_id=" + enc(nsid) + "&extras=date_upload,last_update,description,media,url_m"
                + "&per_page=100&page=" + page
                + "&format=json&nojsoncallback=1";
        return http.get(url, Map.of("Accept", "application/json")).compose(r -> {
            if (r.status() < 200 || r.status() >= 300) {
                throw http.statusFailure(r, null);
            }
            JsonNode body = FlickrPhotos.parse(http, r);
            if (!"ok".equals(body.path("stat").asText())) {
                throw FlickrPhotos.apiError(http, body, r.request());
            }
            List<FeedItem> items = FlickrPhotos.fromApi(http, body.path("photos"), nsid, r.request());
            acc.addAll(items);
            boolean reachedKnown = items.stream().anyMatch(i -> known.contains(i.id()));
            int pages = body.path("photos").path("pages").asInt(1);
            if (firstPoll || reachedKnown || items.isEmpty() || page >= pages || page >= MAX_PAGES) {
                return Future.succeededFuture(acc);
            }
            return pages(page + 1, false, known, acc);
        });
    }

    private FetchResult result(String cursor, List<FeedItem> window, Profile profile) {
        Instant now = env.clock().instant();
        ItemLedger.Outcome outcome;
        try {
            outcome = ItemLedger.apply(cursor, window, now);
        } catch (ItemLedger.CursorException e) {
            throw http.failure(Reason.MALFORMED, e.getMessage(), null);
        }
        List<Post> posts = new ArrayList<>();
        for (ItemLedger.Change c : outcome.changes()) {
            FeedItem p = c.item();
            posts.add(new Post(channel.id(), PLATFORM, p.id(), p.url(), p.author() != null ? p.author() : nsid,
                    p.text(), c.publishedAt(), c.editedAt(), null, null, p.links(), now, p.raw())
                    .withShape(false, false, false, p.media()));
        }
        return new FetchResult(posts, outcome.cursor(), outcome.deletedIds(), profile, null, outcome.undatedIds());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
