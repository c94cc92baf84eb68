package de.wachposten.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.model.Post;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.Profile;
import de.wachposten.platform.http.JsonGet;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One poll of one Bluesky account.
 *
 * <p>Reading: {@code getAuthorFeed} has no "since" parameter; it is ordered newest first by {@code sortAt} (the
 * earlier of {@code createdAt} and {@code indexedAt}) and its {@code cursor} walks backwards. The connector's cursor
 * is the high-water mark {@code <indexedAt> <uri>} of the newest post it has returned ({@code ""} for an account
 * without posts). A post is new when its {@code indexedAt} is after the mark (or equal, with another URI). Pages are
 * followed while the last item of a page still sorts at or after the mark, so everything indexed since the last poll
 * is read without a gap; the first page is always read whole, which also catches a back-dated post that lands on it.
 * Without a cursor the first page is the history. A repost by the account is a post of its own (see
 * {@link BlueskyMapper#toRepost}), new by the repost's {@code indexedAt}; pins are skipped. A post whose record was
 * rewritten is re-indexed, so it is read again. Only posts are re-checked for deletion, not reposts (an undone repost
 * is not detected).
 *
 * <p>Rewrites and deletions: known recent URIs are looked up with {@code getPosts} (25 per request). A URI missing
 * from the answer is deleted; a post whose {@code cid} differs from the one this connector last saw is returned as
 * a new version with {@code editedAt} = its {@code indexedAt}. After a restart the first lookup only learns the
 * {@code cid}s (the store still sees a changed text as a new version).
 */
final class BlueskyPoll {
    private static final int POSTS_BATCH = 25;

    private final JsonGet http;
    private final BlueskyMapper mapper;
    private final BlueskyOptions options;
    private final String did;
    private final Map<String, String> cids;
    private final Map<String, Post> newestFirst = new LinkedHashMap<>();
    private final List<String> deleted = new ArrayList<>();
    private Instant mark = Instant.EPOCH;
    private String markUri = "";
    private Instant newest;
    private String newestUri;

    BlueskyPoll(JsonGet http, BlueskyMapper mapper, BlueskyOptions options, String did, Map<String, String> cids) {
        this.http = http;
        this.mapper = mapper;
        this.options = options;
        this.did = did;
        this.cids = cids;
    }

    /** Reads new posts: the first page when {@code cursor} is null, else everything indexed after it. */
    Future<Void> readNew(String cursor) {
        if (cursor != null && !cursor.isBlank()) {
            int space = cursor.indexOf(' ');
            try {
                mark = Instant.parse(space < 0 ? cursor : cursor.substring(0, space));
            } catch (java.time.format.DateTimeParseException e) {
                mark = Instant.EPOCH; // an unreadable cursor: read everything again; the store drops duplicates
            }
            markUri = space < 0 ? "" : cursor.substring(space + 1);
        }
        return page(null, 1, cursor == null);
    }

    private Future<Void> page(String feedCursor, int number, boolean first) {
        String path = "/xrpc/app.bsky.feed.getAuthorFeed?actor=" + BlueskyConnector.encode(did) + "&limit="
                + BlueskyOptions.PAGE_SIZE + "&filter=posts_with_replies"
                + (feedCursor == null ? "" : "&cursor=" + BlueskyConnector.encode(feedCursor));
        return http.get(path).compose(reply -> {
            JsonNode feed = reply.json().path("feed");
            if (!feed.isArray()) {
                throw http.malformed("$.feed", reply.path(), "expected an array of feed items");
            }
            Instant oldestSort = null;
            for (int i = 0; i < feed.size(); i++) {
                oldestSort = item(feed.get(i), "$.feed[" + i + "]", reply.path(), first);
            }
            String next = reply.json().path("cursor").asText("");
            boolean more = !first && !next.isEmpty() && oldestSort != null && !oldestSort.isBefore(mark);
            return more && number < options.maxPages() ? page(next, number + 1, false) : Future.succeededFuture();
        });
    }

    /** Handles one feed item; returns its sort time. */
    private Instant item(JsonNode item, String where, String path, boolean first) {
        try {
            JsonNode post = item.path("post");
            JsonNode reason = item.path("reason");
            if (reason.isObject()) {
                Instant at = BlueskyMapper.instant(reason, "indexedAt", where + ".reason");
                if (BlueskyMapper.isRepost(item) && did.equals(reason.path("by").path("did").asText(""))) {
                    Post repost = mapper.toRepost(item, where);
                    remember(repost.platformId(), at, first, repost);
                }
                return at;
            }
            Instant created = BlueskyMapper.instant(post.path("record"), "createdAt", where + ".post.record");
            Instant indexed = BlueskyMapper.instant(post, "indexedAt", where + ".post");
            String uri = BlueskyMapper.text(post, "uri", where + ".post");
            if (did.equals(post.path("author").path("did").asText(did)) && fresh(uri, indexed, first)) {
                remember(uri, indexed, first, map(post, where + ".post", indexed));
            }
            return created.isBefore(indexed) ? created : indexed;
        } catch (BlueskyMapper.ShapeException e) {
            throw malformed(e, path);
        }
    }

    private boolean fresh(String uri, Instant indexed, boolean first) {
        boolean after = first || indexed.isAfter(mark) || indexed.equals(mark) && !uri.equals(markUri);
        return after && !newestFirst.containsKey(uri);
    }

    /** Adds a new post (or repost) and moves the high-water mark candidate. */
    private void remember(String uri, Instant indexed, boolean first, Post post) {
        if (!fresh(uri, indexed, first)) {
            return;
        }
        newestFirst.put(uri, post);
        if (newest == null || indexed.isAfter(newest)) {
            newest = indexed;
            newestUri = uri;
        }
    }

    /** Maps a post, marking it edited when its cid differs from the last one seen; remembers the cid. */
    private Post map(JsonNode post, String where, Instant indexed) {
        String uri = post.path("uri").asText();
        String cid = post.path("cid").asText("");
        String before;
        synchronized (cids) {
            before = cids.put(uri, cid);
        }
        boolean rewritten = before != null && !before.equals(cid);
        return mapper.toPost(post, where, rewritten ? indexed : null);
    }

    /** Looks up {@code knownRecent} ({@code at://} URIs only) for deletions and rewrites. */
    Future<Void> sweep(List<String> knownRecent) {
        List<String> uris = knownRecent.stream().filter(u -> u.startsWith("at://") && u.contains("/app.bsky.feed.post/"))
                .distinct().toList();
        Future<Void> chain = Future.succeededFuture();
        for (int from = 0; from < uris.size(); from += POSTS_BATCH) {
            List<String> batch = uris.subList(from, Math.min(uris.size(), from + POSTS_BATCH));
            chain = chain.compose(v -> lookup(batch));
        }
        return chain;
    }

    private Future<Void> lookup(List<String> batch) {
        StringBuilder path = new StringBuilder("/xrpc/app.bsky.feed.getPosts?");
        batch.forEach(u -> path.append(path.charAt(path.length() - 1) == '?' ? "" : "&").append("uris=")
                .append(BlueskyConnector.encode(u)));
        return http.get(path.toString()).map(reply -> {
            JsonNode posts = reply.json().path("posts");
            if (!posts.isArray()) {
                throw http.malformed("$.posts", reply.path(), "expected an array of posts");
            }
            Set<String> found = new HashSet<>();
            for (int i = 0; i < posts.size(); i++) {
                JsonNode post = posts.get(i);
                String uri = post.path("uri").asText("");
                found.add(uri);
                String before;
                synchronized (cids) {
                    before = cids.get(uri);
                }
                boolean unchanged = before != null && before.equals(post.path("cid").asText(""));
                if (!unchanged && !newestFirst.containsKey(uri)) {
                    try {
                        Post p = map(post, "$.posts[" + i + "]", BlueskyMapper.instant(post, "indexedAt",
                                "$.posts[" + i + "]"));
                        newestFirst.put(uri, p);
                    } catch (BlueskyMapper.ShapeException e) {
                        throw malformed(e, reply.path());
                    }
                }
            }
            batch.stream().filter(u -> !found.contains(u)).forEach(deleted::add);
            return null;
        });
    }

    private RuntimeException malformed(BlueskyMapper.ShapeException e, String path) {
        String message = e.getMessage();
        int colon = message.indexOf(':');
        return http.malformed(message.substring(0, colon), path, message.substring(colon + 1).strip());
    }

    /** Posts oldest first; the cursor at the newest post returned, never behind {@code cursor}. */
    FetchResult result(String cursor, Profile profile) {
        List<Post> oldestFirst = new ArrayList<>(newestFirst.values()).reversed();
        String next = cursor == null ? "" : cursor;
        if (newest != null && (newest.isAfter(mark) || cursor == null || cursor.isBlank())) {
            next = newest + " " + newestUri;
        }
        return new FetchResult(oldestFirst, next, deleted, profile, http.minDelay());
    }
}
