package de.wachposten.api;

import de.wachposten.alert.AlertJson;
import de.wachposten.config.User;
import de.wachposten.model.Post;
import de.wachposten.store.StoredPost;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * {@code GET /api/v1/posts}: searches the archive by channel, full-text query ({@link PostSearch}: Lucene classic
 * syntax, the rules' German analysis), publication time and alert reason, restricted to the caller's offices. Each
 * result is the latest stored version of a post, newest first; a deleted post carries {@code deleted_at}. With
 * {@code q}, the whole archive is searched through its index, on a worker thread.
 */
public final class PostsHandler {
    /** Default and largest page size. */
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final Vertx vertx;
    private final PostSearch search;

    public PostsHandler(Vertx vertx, PostSearch search) {
        this.vertx = vertx;
        this.search = search;
    }

    /** {@code GET /api/v1/posts?channel=…&q=…&from=…&to=…&reason=…&limit=…} → array of post versions. */
    public void search(RoutingContext ctx) {
        PostSearch.Query q = query(ctx, Auth.user(ctx));
        vertx.executeBlocking(() -> search.run(q), false)
                .onSuccess(posts -> {
                    JsonArray out = new JsonArray();
                    posts.forEach(p -> out.add(toJson(p)));
                    Replies.json(ctx, 200, out);
                })
                .onFailure(ctx::fail);
    }

    private PostSearch.Query query(RoutingContext ctx, User caller) {
        Instant from = Input.instant("from", Input.query(ctx, "from"));
        Instant to = Input.instant("to", Input.query(ctx, "to"));
        int limit = Input.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        return search.query(caller, Input.query(ctx, "channel"), Input.query(ctx, "q"), from, to,
                Input.query(ctx, "reason"), limit);
    }

    static JsonObject toJson(StoredPost sp) {
        Post p = sp.post();
        return AlertJson.putShape(new JsonObject()
                .put("channel", p.channelId())
                .put("platform", p.platform())
                .put("id", p.platformId())
                .put("kind", sp.kind().value())
                .put("url", p.url())
                .put("author", p.author())
                .put("text", p.text())
                .put("published_at", iso(p.publishedAt()))
                .put("edited_at", iso(p.editedAt()))
                .put("client", p.client())
                .put("seen_at", iso(p.seenAt()))
                .put("deleted_at", iso(sp.deletedAt()))
                .put("version", sp.version()), p);
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
