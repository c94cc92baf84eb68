package de.wachposten.platform.graph;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.platform.PlatformException.Reason;
import io.vertx.core.Future;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What the Meta connectors share for reading the account object ({@code GET /{id}?fields=…}) as a profile: the read
 * itself, through the same {@link GraphClient} (token, shared budget, error classification) as the posts, and the
 * normalisation of Meta's CDN picture URLs.
 */
public final class GraphProfile {
    private GraphProfile() {}

    /**
     * GETs the account object at {@code url}.
     *
     * @param what names the account in messages, such as {@code "page 104000000000000"}
     * @return the object; fails like {@link GraphClient#get}, with NOT_FOUND when Graph says the object does not
     *         exist (error 100/33) and MALFORMED when the answer has no {@code id}
     */
    public static Future<JsonNode> read(GraphClient graph, String url, String what) {
        return graph.get(url).recover(failure -> Future.failedFuture(failure instanceof GraphClient.GoneException
                ? graph.failure(Reason.NOT_FOUND, "profile of " + what + ": Graph error 100/33, the object does not"
                        + " exist or cannot be loaded with this token") : failure))
                .map(body -> {
                    if (body.path("id").asText("").isEmpty()) {
                        throw graph.failure(Reason.MALFORMED, "malformed JSON at $.id of the profile of " + what
                                + ": expected the object id");
                    }
                    return body;
                });
    }

    /**
     * A picture URL that stays the same while the picture does: Meta's CDN hosts ({@code *.fbcdn.net},
     * {@code *.cdninstagram.com}) sign their URLs with query parameters ({@code oh}, {@code oe}) that rotate while
     * the path names the image, so the query is dropped there. Other URLs, and text that is no URL, are returned
     * unchanged; null becomes an empty string.
     */
    public static String stableUrl(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI u = new URI(url.strip());
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            if (host.endsWith(".fbcdn.net") || host.endsWith(".cdninstagram.com")) {
                return u.getScheme() + "://" + u.getRawAuthority() + (u.getRawPath() == null ? "" : u.getRawPath());
            }
            return url.strip();
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }
}
