package de.wachposten.platform.instagram;

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
import de.wachposten.platform.graph.GraphConnector;
import de.wachposten.platform.graph.GraphProfile;
import de.wachposten.platform.http.HttpOptions;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls the media of one Instagram professional account: {@code GET /v21.0/{ig-user-id}/media?fields=…&limit=25}
 * below {@code base_url} (default {@code https://graph.facebook.com}) with credential {@code access_token}. Paging,
 * token budget and throttling as for Facebook ({@link GraphConnector}). Instagram has no edit flag or edit time: a
 * changed caption is an edit dated when seen ({@link ItemLedger}); deletions are candidates from the ledger confirmed
 * by Graph error 100 on {@code GET /v21.0/{media-id}}. No posting client is exposed.
 *
 * <p>Profile: the IG user object ({@link InstagramProfile}) is read before the media at the first poll and then at
 * every {@value ProfilePolls#DEFAULT_EVERY}th, with the same token and budget; failures as for Facebook
 * ({@link ProfilePolls#tolerant}).
 */
public final class InstagramConnector extends GraphConnector {
    /** Platform name in the config and in posts. */
    public static final String PLATFORM = "instagram";
    /** Builds connectors with {@link HttpOptions#defaults()} and one token budget for all of them. */
    public static final ConnectorFactory FACTORY = factory(HttpOptions.defaults());
    private static final String FIELDS = "id,caption,media_type,media_product_type,media_url,permalink,timestamp,"
            + "username,children{id,media_type,media_url}";
    private static final Listing LISTING = new Listing(PLATFORM, "media", FIELDS, "timestamp");

    /** @throws PlatformException with reason CONFIG when the access token is missing or unset */
    public InstagramConnector(ChannelConfig channel, ConnectorEnv env, HttpOptions options, GraphBudget budget) {
        super(LISTING, channel, env, options, budget);
    }

    /** A factory whose connectors use {@code options} and share one {@link GraphBudget}. */
    public static ConnectorFactory factory(HttpOptions options) {
        return factory(options, InstagramConnector::new);
    }

    @Override
    protected Future<Profile> profile(String user) {
        return GraphProfile.read(graph(), objectUrl(user, InstagramProfile.FIELDS), "instagram user " + user)
                .map(InstagramProfile::toProfile);
    }

    @Override
    protected FeedItem toItem(JsonNode media, String id, Instant at) {
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
}
