package de.wachposten.platform.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Media;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.ConnectorFactory.ConnectorEnv;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.Profile;
import de.wachposten.platform.ProfilePolls;
import de.wachposten.platform.feed.FeedItem;
import de.wachposten.text.HtmlText;
import de.wachposten.platform.feed.ItemLedger;
import de.wachposten.platform.graph.GraphBudget;
import de.wachposten.platform.graph.GraphClient;
import de.wachposten.platform.graph.GraphConnector;
import de.wachposten.platform.graph.GraphProfile;
import de.wachposten.platform.graph.GraphTime;
import de.wachposten.platform.http.HttpOptions;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Polls the posts of one Facebook Page: {@code GET /v21.0/{page}/posts?fields=…&limit=25} below {@code base_url}
 * (default {@code https://graph.facebook.com}) with the Page access token (credential {@code access_token}, sent as
 * {@code Authorization: Bearer}). Pages are followed through {@code paging.next} until a known post appears (at most
 * {@value GraphConnector#MAX_PAGES}; the first poll reads one page), so nothing is skipped and cursors, which Meta
 * invalidates on deletion, are never persisted. The {@link ItemLedger} cursor tells new posts, edits (message or links
 * changed; dated by {@code updated_time}, which alone also moves on comments and is therefore no edit signal) and
 * candidates for deletion, each confirmed by Graph error 100/33 on {@code GET /v21.0/{post-id}}.
 * {@code application.name} is the client where Meta returns it. Throttling: see {@link GraphClient}; one budget per
 * token for all its channels. Paging, deletions and the profile schedule are the shared {@link GraphConnector}.
 *
 * <p>Profile: the Page object ({@link FacebookProfile}) is read before the posts at the first poll and then at every
 * {@value ProfilePolls#DEFAULT_EVERY}th, with the same token and budget; failures as {@link ProfilePolls#tolerant}
 * sorts them (a refused or garbled profile alone is skipped, anything else fails the poll and leaves the cursor).
 */
public final class FacebookConnector extends GraphConnector {
    /** Platform name in the config and in posts. */
    public static final String PLATFORM = "facebook";
    /** Builds connectors with {@link HttpOptions#defaults()} and one token budget for all of them. */
    public static final ConnectorFactory FACTORY = factory(HttpOptions.defaults());
    private static final String FIELDS = "id,message,story,created_time,updated_time,permalink_url,"
            + "attachments{media_type,type,url,unshimmed_url,title,description,media},application,from{id,name}";
    private static final Listing LISTING = new Listing(PLATFORM, "posts", FIELDS, "created_time");

    /** @throws PlatformException with reason CONFIG when the access token is missing or unset */
    public FacebookConnector(ChannelConfig channel, ConnectorEnv env, HttpOptions options, GraphBudget budget) {
        super(LISTING, channel, env, options, budget);
    }

    /** A factory whose connectors use {@code options} and share one {@link GraphBudget}. */
    public static ConnectorFactory factory(HttpOptions options) {
        return factory(options, FacebookConnector::new);
    }

    @Override
    protected Future<Profile> profile(String page) {
        return GraphProfile.read(graph(), objectUrl(page, FacebookProfile.FIELDS), "page " + page)
                .map(FacebookProfile::toProfile);
    }

    @Override
    protected FeedItem toItem(JsonNode post, String id, Instant created) {
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

    /** {@code updated_time} when it is later than the publication, else when the ledger saw the change. */
    @Override
    protected Instant editedAt(ItemLedger.Change change, JsonNode post) {
        Instant changed = GraphTime.parse(post.path("updated_time").asText(""));
        return change.isNew() ? null
                : changed != null && changed.isAfter(change.publishedAt()) ? changed : change.editedAt();
    }

    /** {@code application.name}, where Meta returns it. */
    @Override
    protected String client(JsonNode post) {
        String app = post.path("application").path("name").asText("");
        return app.isEmpty() ? null : app;
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
}
