package de.wachposten.api;

import de.wachposten.alert.AlertJson;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import de.wachposten.model.Alert;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.rules.ArchiveSearch;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.queryparser.classic.ParseException;

/**
 * {@code GET /api/v1/posts}: searches the archive by channel, full-text query ({@link ArchiveSearch}: Lucene classic
 * syntax, the rules' German analysis), publication time and alert reason, restricted to the caller's offices. Each
 * result is the latest stored version of a post, newest first; a deleted post carries {@code deleted_at}. With
 * {@code q}, the newest {@value #SCAN_LIMIT} posts that pass the other filters (per channel when a non-admin's visible
 * channels are searched one by one) are matched, on a worker thread.
 */
public final class PostsHandler {
    /** Default and largest page size. */
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** With {@code q}: how many of the newest posts per channel (after the other filters) are matched at most. */
    public static final int SCAN_LIMIT = 20_000;

    private static final Comparator<StoredPost> NEWEST_FIRST = Comparator
            .comparing((StoredPost p) -> p.post().publishedAt()).reversed()
            .thenComparing(StoredPost::key);

    private record Query(List<String> channels, ArchiveSearch text, Instant from, Instant to, ReasonCode reason, int limit) {}

    private final Vertx vertx;
    private final Access access;
    private final Store store;

    public PostsHandler(Vertx vertx, Access access, Store store) {
        this.vertx = vertx;
        this.access = access;
        this.store = store;
    }

    /** {@code GET /api/v1/posts?channel=…&q=…&from=…&to=…&reason=…&limit=…} → array of post versions. */
    public void search(RoutingContext ctx) {
        Query q = query(ctx, Auth.user(ctx));
        vertx.executeBlocking(() -> run(q), false)
                .onSuccess(posts -> {
                    JsonArray out = new JsonArray();
                    posts.forEach(p -> out.add(toJson(p)));
                    Replies.json(ctx, 200, out);
                })
                .onFailure(ctx::fail);
    }

    private Query query(RoutingContext ctx, User caller) {
        String channel = Input.query(ctx, "channel");
        ArchiveSearch text = search(Input.query(ctx, "q"));
        Instant from = Input.instant("from", Input.query(ctx, "from"));
        Instant to = Input.instant("to", Input.query(ctx, "to"));
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badField("to", "is before from (" + from + ")");
        }
        int limit = Input.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        ReasonCode reason = reason(Input.query(ctx, "reason"));
        List<String> channels;
        if (channel != null) {
            channels = List.of(access.visibleChannel(caller, "channel", channel).id());
        } else if (caller.has(Role.ADMIN)) {
            channels = null;
        } else {
            channels = access.visibleChannels(caller).stream().map(ChannelConfig::id).toList();
        }
        return new Query(channels, text, from, to, reason, limit);
    }

    private static ArchiveSearch search(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        try {
            return ArchiveSearch.parse(q);
        } catch (ParseException e) {
            throw ApiException.badField("q", e.getMessage());
        }
    }

    private static ReasonCode reason(String code) {
        if (code == null) {
            return null;
        }
        try {
            return ReasonCode.parse(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("reason", "unknown reason code '" + code + "'");
        }
    }

    /** All channels in one query for an admin; otherwise one query per visible channel, merged. */
    private List<StoredPost> run(Query q) {
        if (q.reason() != null) {
            return withReason(q);
        }
        if (q.channels() == null) {
            return page(q, null);
        }
        List<StoredPost> all = new ArrayList<>();
        for (String ch : q.channels()) {
            all.addAll(page(q, ch));
        }
        return all.stream().sorted(NEWEST_FIRST).limit(q.limit()).toList();
    }

    private List<StoredPost> page(Query q, String channel) {
        if (q.text() == null) {
            return store.searchPosts(channel, null, q.from(), q.to(), q.limit());
        }
        return store.searchPosts(channel, null, q.from(), q.to(), SCAN_LIMIT).stream()
                .filter(p -> q.text().matches(p.post().text())).limit(q.limit()).toList();
    }

    /**
     * Posts whose alert carries the reason: every finding of a post is on its alert, so the alerts of the channels
     * in scope name the posts; the text filter then applies to their latest versions.
     */
    private List<StoredPost> withReason(Query q) {
        List<Alert> alerts = new ArrayList<>();
        if (q.channels() == null) {
            alerts.addAll(store.alerts(null, null));
        } else {
            q.channels().forEach(ch -> alerts.addAll(store.alerts(null, ch)));
        }
        List<StoredPost> out = new ArrayList<>();
        for (Alert a : alerts) {
            Instant published = a.post().publishedAt();
            if (a.reasons().stream().noneMatch(f -> f.code() == q.reason())
                    || q.from() != null && published.isBefore(q.from()) || q.to() != null && !published.isBefore(q.to())) {
                continue;
            }
            List<StoredPost> versions = store.versions(a.channelId(), a.post().platformId());
            if (!versions.isEmpty() && (q.text() == null || versions.stream()
                    .anyMatch(v -> q.text().matches(v.post().text())))) {
                out.add(versions.getLast());
            }
        }
        return out.stream().sorted(NEWEST_FIRST).limit(q.limit()).toList();
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
