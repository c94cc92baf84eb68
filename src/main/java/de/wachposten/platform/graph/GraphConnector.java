package de.wachposten.platform.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
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
import de.wachposten.platform.http.HttpOptions;
import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The polling skeleton of the Meta connectors: one list edge of one account ({@code GET /v21.0/{account}/{edge}
 * ?fields=…&limit=25} below {@code base_url}, default {@code https://graph.facebook.com}) with the credential
 * {@code access_token}. Pages are followed through {@code paging.next} until a known item appears (at most
 * {@value #MAX_PAGES}; the first poll reads one page), so cursors, which Meta invalidates on deletion, are never
 * persisted. The {@link ItemLedger} cursor tells new items, edits and candidates for deletion; up to
 * {@value #MAX_DELETE_CHECKS} candidates per poll are confirmed by Graph error 100/33 on {@code GET /v21.0/{id}}.
 * The profile is read before the list at the first poll and then at every {@value ProfilePolls#DEFAULT_EVERY}th
 * ({@link ProfilePolls}). A profile the platform refuses or garbles alone is skipped with a warning
 * ({@link ProfilePolls#tolerant}); any other failed read fails the poll and leaves the cursor, so the next poll
 * misses nothing.
 *
 * <p>A platform brings what it lists ({@link Listing}), the item mapping ({@link #toItem}), the profile read
 * ({@link #profile}) and, where its API says more than the ledger sees, the edit time and posting client of a post
 * ({@link #editedAt}, {@link #client}). Failures: see {@link GraphClient}.
 */
public abstract class GraphConnector implements Connector {
    /** The Graph API version in every path. */
    public static final String VERSION = "v21.0";
    /** Items asked for per list page. */
    public static final int PAGE_SIZE = 25;
    /** Most list pages read per poll. */
    public static final int MAX_PAGES = 10;
    /** Most deletion candidates confirmed per poll. */
    public static final int MAX_DELETE_CHECKS = 5;
    private static final String DEFAULT_BASE = "https://graph.facebook.com";

    /**
     * What one platform lists.
     *
     * @param platform  platform name in messages and posts
     * @param edge      the account's list edge, such as {@code posts}; also names the items in messages
     * @param fields    the fields asked for per item
     * @param timeField the field of an item with its publication time, such as {@code created_time}
     */
    public record Listing(String platform, String edge, String fields, String timeField) {
        public Listing {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(edge, "edge");
            Objects.requireNonNull(fields, "fields");
            Objects.requireNonNull(timeField, "timeField");
        }
    }

    /** The constructor of one Graph connector. */
    @FunctionalInterface
    public interface Constructor {
        GraphConnector create(ChannelConfig channel, ConnectorEnv env, HttpOptions options, GraphBudget budget);
    }

    private final Listing listing;
    private final ChannelConfig channel;
    private final ConnectorEnv env;
    private final GraphClient graph;
    private final String base;
    private final ProfilePolls profiles = new ProfilePolls(ProfilePolls.DEFAULT_EVERY);

    /**
     * @param budget the rate budget shared by the channels of one factory
     * @throws PlatformException with reason CONFIG when the access token is missing or unset
     */
    protected GraphConnector(Listing listing, ChannelConfig channel, ConnectorEnv env, HttpOptions options,
                             GraphBudget budget) {
        this.listing = listing;
        this.channel = channel;
        this.env = env;
        this.base = (channel.baseUrl() == null ? DEFAULT_BASE : channel.baseUrl().toString())
                .replaceFirst("/$", "") + "/" + VERSION;
        this.graph = new GraphClient(listing.platform(), channel.id(), env, options,
                token(channel, listing.platform()), budget);
    }

    /** A factory whose connectors use {@code options} and share one {@link GraphBudget}, so one per token. */
    protected static ConnectorFactory factory(HttpOptions options, Constructor constructor) {
        GraphBudget budget = new GraphBudget();
        return (channel, env) -> constructor.create(channel, env, options, budget);
    }

    @Override
    public final Future<FetchResult> fetch(String cursor, List<String> knownRecent) {
        Set<String> known;
        try {
            known = ItemLedger.keys(cursor);
        } catch (ItemLedger.CursorException e) {
            return Future.failedFuture(graph.failure(Reason.MALFORMED, e.getMessage()));
        }
        String first = base + "/" + enc(channel.account().strip()) + "/" + listing.edge() + "?fields="
                + enc(listing.fields()) + "&limit=" + PAGE_SIZE;
        Map<String, JsonNode> entries = new HashMap<>();
        boolean profileDue = profiles.due();
        Future<Profile> profile = profileDue ? ProfilePolls.tolerant(profile(channel.account().strip()))
                : Future.succeededFuture(null);
        return profile.compose(p -> read(first, 1, cursor == null, known, new ArrayList<>(), entries)
                        .compose(items -> outcome(cursor, items))
                        .compose(o -> confirmDeleted(o.deletedIds(), 0, new ArrayList<>())
                                .map(gone -> result(o, gone, entries, p))))
                .onSuccess(r -> {
                    if (profileDue) {
                        profiles.delivered();
                    }
                });
    }

    /** The list entry with {@code id}, published at {@code published}, as an item. */
    protected abstract FeedItem toItem(JsonNode entry, String id, Instant published);

    /** Reads the profile of {@code account} through {@link GraphProfile#read} with {@link #graph()}. */
    protected abstract Future<Profile> profile(String account);

    /** When the item of {@code change} was edited, or null; by default what the ledger says. */
    protected Instant editedAt(ItemLedger.Change change, JsonNode entry) {
        return change.editedAt();
    }

    /** The client that posted the item, or null (the default) when the platform does not say. */
    protected String client(JsonNode entry) {
        return null;
    }

    /** The client for this channel's requests. */
    protected final GraphClient graph() {
        return graph;
    }

    /** The URL of Graph object {@code id} with {@code fields}. */
    protected final String objectUrl(String id, String objectFields) {
        return base + "/" + enc(id) + "?fields=" + enc(objectFields);
    }

    private PlatformException malformed(String where, String expected) {
        return graph.failure(Reason.MALFORMED, "malformed JSON at " + where + " of the " + listing.edge() + " of "
                + channel.account() + ": " + expected);
    }

    /** The entry at {@code where} as an item; MALFORMED without an id or a publication time. */
    private FeedItem item(JsonNode entry, String where) {
        String id = entry.path("id").asText("");
        Instant published = GraphTime.parse(entry.path(listing.timeField()).asText(""));
        if (id.isEmpty() || published == null) {
            throw malformed(where, "expected id and " + listing.timeField() + " (yyyy-MM-dd'T'HH:mm:ssZ)");
        }
        return toItem(entry, id, published);
    }

    private Future<List<FeedItem>> read(String url, int page, boolean firstPoll, Set<String> known, List<FeedItem> acc,
                                        Map<String, JsonNode> entries) {
        return graph.get(url).compose(body -> {
            JsonNode data = body.path("data");
            if (!data.isArray()) {
                throw malformed("$.data of page " + page, "expected an array");
            }
            boolean reachedKnown = false;
            for (int i = 0; i < data.size(); i++) {
                FeedItem item = item(data.get(i), "$.data[" + i + "]");
                entries.putIfAbsent(item.id(), data.get(i));
                acc.add(item);
                reachedKnown |= known.contains(item.id());
            }
            String next = body.path("paging").path("next").asText("");
            if (firstPoll || reachedKnown || next.isEmpty() || page >= MAX_PAGES) {
                return Future.succeededFuture(acc);
            }
            return read(next, page + 1, false, known, acc, entries);
        });
    }

    private Future<ItemLedger.Outcome> outcome(String cursor, List<FeedItem> items) {
        try {
            return Future.succeededFuture(ItemLedger.apply(cursor, items, env.clock().instant()));
        } catch (ItemLedger.CursorException e) {
            return Future.failedFuture(graph.failure(Reason.MALFORMED, e.getMessage()));
        }
    }

    /** Candidates checked one by one: 100/33 means gone; an item that still loads was only missing from the list. */
    private Future<List<String>> confirmDeleted(List<String> candidates, int index, List<String> gone) {
        if (index >= Math.min(candidates.size(), MAX_DELETE_CHECKS)) {
            return Future.succeededFuture(gone);
        }
        String id = candidates.get(index);
        return graph.get(objectUrl(id, "id")).<Void>mapEmpty().recover(failure -> {
            if (failure instanceof GraphClient.GoneException) {
                gone.add(id);
                return Future.succeededFuture();
            }
            return Future.failedFuture(failure);
        }).compose(v -> confirmDeleted(candidates, index + 1, gone));
    }

    private FetchResult result(ItemLedger.Outcome o, List<String> gone, Map<String, JsonNode> entries,
                               Profile profile) {
        Instant now = env.clock().instant();
        List<Post> posts = new ArrayList<>();
        for (ItemLedger.Change c : o.changes()) {
            FeedItem item = c.item();
            JsonNode entry = entries.getOrDefault(item.id(), MissingNode.getInstance());
            String author = item.author() != null ? item.author() : channel.account();
            posts.add(new Post(channel.id(), listing.platform(), item.id(), item.url(), author, item.text(),
                    c.publishedAt(), editedAt(c, entry), client(entry), null, item.links(), now, item.raw())
                    .withShape(false, false, false, item.media()));
        }
        return new FetchResult(posts, o.cursor(), gone, profile, graph.minDelay(), o.undatedIds());
    }

    /** The channel's {@code access_token}; required. */
    private static String token(ChannelConfig channel, String platform) {
        Secret s = channel.credential("access_token");
        if (s == null) {
            throw new PlatformException(Reason.CONFIG, platform + " channel " + channel.id()
                    + ": credential access_token is required");
        }
        if (!s.isSet()) {
            throw new PlatformException(Reason.CONFIG, platform + " channel " + channel.id()
                    + ": credential access_token: environment variable " + s.envVar() + " is not set");
        }
        return s.reveal();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
