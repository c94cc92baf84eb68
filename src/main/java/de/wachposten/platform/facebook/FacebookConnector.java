package de.wachposten.platform.facebook;

import de.wachposten.model.Media;
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
import de.wachposten.platform.feed.HtmlText;
import de.wachposten.platform.feed.ItemLedger;
import de.wachposten.platform.graph.GraphBudget;
import de.wachposten.platform.graph.GraphClient;
import de.wachposten.platform.graph.GraphProfile;
import de.wachposten.platform.graph.GraphTime;
import de.wachposten.platform.http.HttpOptions;
import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polls the posts of one Facebook Page: {@code GET /v21.0/{page}/posts?fields=…&limit=25} below {@code base_url}
 * (default {@code https://graph.facebook.com}) with the Page access token (credential {@code access_token}, sent as
 * {@code Authorization: Bearer}). Pages are followed through {@code paging.next} until a known post appears (at most
 * {@value #MAX_PAGES}; the first poll reads one page), so nothing is skipped and cursors, which Meta invalidates on
 * deletion, are never persisted. The {@link ItemLedger} cursor tells new posts, edits (message or links changed;
 * dated by {@code updated_time}, which alone also moves on comments and is therefore no edit signal) and candidates for
 * deletion, each confirmed by Graph error 100/33 on {@code GET /v21.0/{post-id}}. {@code application.name} is the
 * client where Meta returns it. Throttling: see {@link GraphClient}; one budget per token for all its channels.
 *
 * <p>Profile: the Page object ({@link FacebookProfile}) is read before the posts at the first poll and then at every
 * {@value ProfilePolls#DEFAULT_EVERY}th, with the same token and budget. As for X and Bluesky, a failed profile read
 * fails the poll (classified like any Graph call); the cursor stays, so the next poll, which reads the profile
 * again, misses no post.
 */
public final class FacebookConnector implements Connector {
    /** Platform name in the config and in posts. */
    public static final String PLATFORM = "facebook";
    /** Builds connectors with {@link HttpOptions#defaults()} and one token budget for all of them. */
    public static final ConnectorFactory FACTORY = factory(HttpOptions.defaults());
    static final String VERSION = "v21.0";
    static final int PAGE_SIZE = 25;
    static final int MAX_PAGES = 10;
    static final int MAX_DELETE_CHECKS = 5;
    private static final String FIELDS = "id,message,story,created_time,updated_time,permalink_url,"
            + "attachments{media_type,type,url,unshimmed_url,title,description,media},application,from{id,name}";

    private final ChannelConfig channel;
    private final ConnectorEnv env;
    private final GraphClient graph;
    private final String base;
    private final ProfilePolls profiles = new ProfilePolls(ProfilePolls.DEFAULT_EVERY);

    /** @throws PlatformException with reason CONFIG when the access token is missing or unset */
    public FacebookConnector(ChannelConfig channel, ConnectorEnv env, HttpOptions options, GraphBudget budget) {
        this.channel = channel;
        this.env = env;
        this.base = (channel.baseUrl() == null ? "https://graph.facebook.com" : channel.baseUrl().toString())
                .replaceFirst("/$", "") + "/" + VERSION;
        this.graph = new GraphClient(PLATFORM, channel.id(), env, options, token(channel, PLATFORM), budget);
    }

    /** A factory whose connectors use {@code options} and share one {@link GraphBudget}. */
    public static ConnectorFactory factory(HttpOptions options) {
        GraphBudget budget = new GraphBudget();
        return (channel, env) -> new FacebookConnector(channel, env, options, budget);
    }

    @Override
    public Future<FetchResult> fetch(String cursor, List<String> knownRecent) {
        Set<String> known;
        try {
            known = ItemLedger.keys(cursor);
        } catch (ItemLedger.CursorException e) {
            return Future.failedFuture(graph.failure(Reason.MALFORMED, e.getMessage()));
        }
        String first = base + "/" + enc(channel.account().strip()) + "/posts?fields=" + enc(FIELDS) + "&limit=" + PAGE_SIZE;
        Map<String, Instant> updated = new HashMap<>();
        Map<String, String> clients = new HashMap<>();
        boolean profileDue = profiles.due();
        Future<Profile> profile = profileDue ? profile() : Future.succeededFuture(null);
        return profile.compose(p -> read(first, 1, cursor == null, known, new ArrayList<>(), updated, clients)
                .compose(items -> outcome(cursor, items))
                .compose(o -> confirmDeleted(o.deletedIds(), 0, new ArrayList<>())
                        .map(gone -> result(o, gone, updated, clients, p))))
                .onSuccess(r -> {
                    if (profileDue) {
                        profiles.delivered();
                    }
                });
    }

    private Future<Profile> profile() {
        String page = channel.account().strip();
        return GraphProfile.read(graph, base + "/" + enc(page) + "?fields=" + enc(FacebookProfile.FIELDS), "page " + page)
                .map(FacebookProfile::toProfile);
    }

    private Future<List<FeedItem>> read(String url, int page, boolean firstPoll, Set<String> known, List<FeedItem> acc,
                                        Map<String, Instant> updated, Map<String, String> clients) {
        return graph.get(url).compose(body -> {
            JsonNode data = body.path("data");
            if (!data.isArray()) {
                throw graph.failure(Reason.MALFORMED, "malformed JSON at $.data of page " + page + " of the posts of "
                        + channel.account() + ": expected an array");
            }
            boolean reachedKnown = false;
            for (int i = 0; i < data.size(); i++) {
                FeedItem item = toItem(data.get(i), "$.data[" + i + "]", updated);
                String app = data.get(i).path("application").path("name").asText("");
                if (!app.isEmpty()) {
                    clients.put(item.id(), app);
                }
                acc.add(item);
                reachedKnown |= known.contains(item.id());
            }
            String next = body.path("paging").path("next").asText("");
            if (firstPoll || reachedKnown || next.isEmpty() || page >= MAX_PAGES) {
                return Future.succeededFuture(acc);
            }
            return read(next, page + 1, false, known, acc, updated, clients);
        });
    }

    private FeedItem toItem(JsonNode post, String where, Map<String, Instant> updated) {
        String id = post.path("id").asText("");
        Instant created = GraphTime.parse(post.path("created_time").asText(""));
        if (id.isEmpty() || created == null) {
            throw graph.failure(Reason.MALFORMED, "malformed JSON at " + where + " of the posts of " + channel.account()
                    + ": expected id and created_time (yyyy-MM-dd'T'HH:mm:ssZ)");
        }
        Instant changed = GraphTime.parse(post.path("updated_time").asText(""));
        if (changed != null) {
            updated.put(id, changed);
        }
        String text = post.path("message").asText(post.path("story").asText(""));
        Set<String> links = new LinkedHashSet<>(HtmlText.links(text));
        for (JsonNode a : post.path("attachments").path("data")) {
            String target = a.path("unshimmed_url").asText(a.path("url").asText(""));
            if (target.startsWith("http")) {
                links.add(target);
            }
        }
        return new FeedItem(id, post.path("permalink_url").asText(null), post.path("from").path("name").asText(null),
                text, List.copyOf(links), created, null, post.toString(), media(post.path("attachments")));
    }

    /** Photo, video and album attachments ({@code media_type}) with {@code media.image.src} (or the video source). */
    static List<Media> media(JsonNode attachments) {
        List<Media> out = new ArrayList<>();
        for (JsonNode a : attachments.path("data")) {
            String type = a.path("media_type").asText("");
            if (type.equals("album")) {
                out.addAll(media(a.path("subattachments")));
            } else if (type.equals("photo") || type.startsWith("video") || type.equals("animated_image")) {
                String url = a.path("media").path("source").asText(a.path("media").path("image").path("src").asText(null));
                out.add(new Media(type.equals("animated_image") ? "gif" : Media.typeOf(type), url,
                        a.path("description").asText(null)));
            }
        }
        return out;
    }

    private Future<ItemLedger.Outcome> outcome(String cursor, List<FeedItem> items) {
        try {
            return Future.succeededFuture(ItemLedger.apply(cursor, items, env.clock().instant()));
        } catch (ItemLedger.CursorException e) {
            return Future.failedFuture(graph.failure(Reason.MALFORMED, e.getMessage()));
        }
    }

    /** Candidates checked one by one: 100/33 means gone; a post that still loads was only missing from the list. */
    private Future<List<String>> confirmDeleted(List<String> candidates, int index, List<String> gone) {
        if (index >= Math.min(candidates.size(), MAX_DELETE_CHECKS)) {
            return Future.succeededFuture(gone);
        }
        String id = candidates.get(index);
        return graph.get(base + "/" + enc(id) + "?fields=id").<Void>mapEmpty().recover(failure -> {
            if (failure instanceof GraphClient.GoneException) {
                gone.add(id);
                return Future.succeededFuture();
            }
            return Future.failedFuture(failure);
        }).compose(v -> confirmDeleted(candidates, index + 1, gone));
    }

    private FetchResult result(ItemLedger.Outcome o, List<String> gone, Map<String, Instant> updated,
                               Map<String, String> clients, Profile profile) {
        Instant now = env.clock().instant();
        List<Post> posts = new ArrayList<>();
        for (ItemLedger.Change c : o.changes()) {
            FeedItem p = c.item();
            Instant changed = updated.get(p.id());
            Instant edited = c.isNew() ? null
                    : changed != null && changed.isAfter(c.publishedAt()) ? changed : c.editedAt();
            String client = clients.get(p.id());
            posts.add(new Post(channel.id(), PLATFORM, p.id(), p.url(), p.author() != null ? p.author()
                    : channel.account(), p.text(), c.publishedAt(), edited, client, null, p.links(), now, p.raw())
                    .withShape(false, false, false, p.media()));
        }
        return new FetchResult(posts, o.cursor(), gone, profile, graph.minDelay());
    }

    /** The channel's {@code access_token}; required. */
    static String token(ChannelConfig channel, String platform) {
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
