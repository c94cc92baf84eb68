package de.wachposten.platform.instagram;

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
import java.util.List;
import java.util.Set;

/**
 * Polls the media of one Instagram professional account: {@code GET /v21.0/{ig-user-id}/media?fields=…&limit=25}
 * below {@code base_url} (default {@code https://graph.facebook.com}) with credential {@code access_token}. Paging,
 * token budget and throttling as for Facebook ({@code platform.graph}). Instagram has no edit flag or edit time: a
 * changed caption is an edit dated when seen ({@link ItemLedger}); deletions are candidates from the ledger confirmed
 * by Graph error 100 on {@code GET /v21.0/{media-id}}. No posting client is exposed.
 *
 * <p>Profile: the IG user object ({@link InstagramProfile}) is read before the media at the first poll and then at
 * every {@value ProfilePolls#DEFAULT_EVERY}th, with the same token and budget; a failed read fails the poll, as for
 * Facebook, X and Bluesky.
 */
public final class InstagramConnector implements Connector {
    /** Platform name in the config and in posts. */
    public static final String PLATFORM = "instagram";
    /** Builds connectors with {@link HttpOptions#defaults()} and one token budget for all of them. */
    public static final ConnectorFactory FACTORY = factory(HttpOptions.defaults());
    static final int MAX_PAGES = 10;
    private static final String FIELDS = "id,caption,media_type,media_product_type,media_url,permalink,timestamp,"
            + "username,children{id,media_type,media_url}";

    private final ChannelConfig channel;
    private final ConnectorEnv env;
    private final GraphClient graph;
    private final String base;
    private final ProfilePolls profiles = new ProfilePolls(ProfilePolls.DEFAULT_EVERY);

    /** @throws PlatformException with reason CONFIG when the access token is missing or unset */
    public InstagramConnector(ChannelConfig channel, ConnectorEnv env, HttpOptions options, GraphBudget budget) {
        this.channel = channel;
        this.env = env;
        this.base = (channel.baseUrl() == null ? "https://graph.facebook.com" : channel.baseUrl().toString())
                .replaceFirst("/$", "") + "/v21.0";
        Secret s = channel.credential("access_token");
        if (s == null || !s.isSet()) {
            throw new PlatformException(Reason.CONFIG, "instagram channel " + channel.id() + ": credential access_token"
                    + (s == null ? " is required" : ": environment variable " + s.envVar() + " is not set"));
        }
        this.graph = new GraphClient(PLATFORM, channel.id(), env, options, s.reveal(), budget);
    }

    /** A factory whose connectors use {@code options} and share one {@link GraphBudget}. */
    public static ConnectorFactory factory(HttpOptions options) {
        GraphBudget budget = new GraphBudget();
        return (channel, env) -> new InstagramConnector(channel, env, options, budget);
    }

    @Override
    public Future<FetchResult> fetch(String cursor, List<String> knownRecent) {
        Set<String> known;
        try {
            known = ItemLedger.keys(cursor);
        } catch (ItemLedger.CursorException e) {
            return Future.failedFuture(graph.failure(Reason.MALFORMED, e.getMessage()));
        }
        String first = base + "/" + enc(channel.account().strip()) + "/media?fields=" + enc(FIELDS) + "&limit=25";
        boolean profileDue = profiles.due();
        Future<Profile> profile = profileDue ? profile() : Future.succeededFuture(null);
        return profile.compose(p -> read(first, 1, cursor == null, known, new ArrayList<>()).compose(items -> {
            try {
                return Future.succeededFuture(ItemLedger.apply(cursor, items, env.clock().instant()));
            } catch (ItemLedger.CursorException e) {
                return Future.failedFuture(graph.failure(Reason.MALFORMED, e.getMessage()));
            }
        }).compose(o -> confirm(o.deletedIds(), 0, new ArrayList<>()).map(gone -> result(o, gone, p)))).onSuccess(r -> {
            if (profileDue) {
                profiles.delivered();
            }
        });
    }

    private Future<Profile> profile() {
        String user = channel.account().strip();
        return GraphProfile.read(graph, base + "/" + enc(user) + "?fields=" + enc(InstagramProfile.FIELDS),
                "instagram user " + user).map(InstagramProfile::toProfile);
    }

    private Future<List<FeedItem>> read(String url, int page, boolean firstPoll, Set<String> known, List<FeedItem> acc) {
        return graph.get(url).compose(body -> {
            JsonNode data = body.path("data");
            if (!data.isArray()) {
                throw graph.failure(Reason.MALFORMED, "malformed JSON at $.data of page " + page + " of the media of "
                        + channel.account() + ": expected an array");
            }
            boolean reachedKnown = false;
            for (int i = 0; i < data.size(); i++) {
                FeedItem item = toItem(data.get(i), "$.data[" + i + "]");
                acc.add(item);
                reachedKnown |= known.contains(item.id());
            }
            String next = body.path("paging").path("next").asText("");
            if (firstPoll || reachedKnown || next.isEmpty() || page >= MAX_PAGES) {
                return Future.succeededFuture(acc);
            }
            return read(next, page + 1, false, known, acc);
        });
    }

    private FeedItem toItem(JsonNode media, String where) {
        String id = media.path("id").asText("");
        Instant at = GraphTime.parse(media.path("timestamp").asText(""));
        if (id.isEmpty() || at == null) {
            throw graph.failure(Reason.MALFORMED, "malformed JSON at " + where + " of the media of " + channel.account()
                    + ": expected id and timestamp (yyyy-MM-dd'T'HH:mm:ssZ)");
        }
        String caption = media.path("caption").asText("");
        return new FeedItem(id, media.path("permalink").asText(null), media.path("username").asText(null), caption,
                HtmlText.links(caption), at, null, media.toString(), media(media));
    }

    /** {@code media_type} IMAGE/VIDEO with {@code media_url}; a CAROUSEL_ALBUM is its {@code children}. */
    static List<Media> media(JsonNode media) {
        List<Media> out = new ArrayList<>();
        JsonNode children = media.path("children").path("data");
        if (media.path("media_type").asText("").equals("CAROUSEL_ALBUM") && children.size() > 0) {
            children.forEach(child -> out.addAll(media(child)));
            return out;
        }
        if (media.has("media_type")) {
            out.add(new Media(Media.typeOf(media.path("media_type").asText()),
                    media.path("media_url").asText(media.path("thumbnail_url").asText(null)), null));
        }
        return out;
    }

    private Future<List<String>> confirm(List<String> candidates, int index, List<String> gone) {
        if (index >= Math.min(candidates.size(), 5)) {
            return Future.succeededFuture(gone);
        }
        String id = candidates.get(index);
        return graph.get(base + "/" + enc(id) + "?fields=id").<Void>mapEmpty().recover(failure -> {
            if (failure instanceof GraphClient.GoneException) {
                gone.add(id);
                return Future.succeededFuture();
            }
            return Future.failedFuture(failure);
        }).compose(v -> confirm(candidates, index + 1, gone));
    }

    private FetchResult result(ItemLedger.Outcome o, List<String> gone, Profile profile) {
        Instant now = env.clock().instant();
        List<Post> posts = new ArrayList<>();
        for (ItemLedger.Change c : o.changes()) {
            FeedItem m = c.item();
            posts.add(new Post(channel.id(), PLATFORM, m.id(), m.url(), m.author() != null ? m.author()
                    : channel.account(), m.text(), c.publishedAt(), c.editedAt(), null, null, m.links(), now, m.raw())
                    .withShape(false, false, false, m.media()));
        }
        return new FetchResult(posts, o.cursor(), gone, profile, graph.minDelay());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
