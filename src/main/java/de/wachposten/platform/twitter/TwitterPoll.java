package de.wachposten.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.model.Post;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.Profile;
import de.wachposten.platform.http.JsonGet;
import io.vertx.core.Future;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One poll of one X account: read what is new since the cursor, then optionally check recent posts for deletions.
 *
 * <p>Reading: the timeline is newest first and {@code pagination_token} walks backwards. Without a cursor the newest
 * page is the history and its {@code newest_id} the cursor ({@code "0"} for an account without posts). With a cursor,
 * {@code since_id=<cursor>} is sent and {@code meta.next_token} followed until it is absent, so every post newer than
 * the cursor is read however many arrived (no gap); the cursor becomes the highest id read. The cursor {@code "0"}
 * sends no {@code since_id}. Posts are returned oldest first; an edit (a new id) is returned as a new version of its
 * original (see {@link TwitterMapper}).
 *
 * <p>Deletions: known recent ids are looked up in batches of 100 with {@code GET /2/tweets?ids=}; ids the response
 * lists in {@code errors} as not found are deleted (deleting any version deletes the whole edit chain on X).
 */
final class TwitterPoll {
    static final String TWEET_FIELDS = "tweet.fields=created_at,author_id,conversation_id,edit_history_tweet_ids,"
            + "edit_controls,entities,referenced_tweets,lang,note_tweet,attachments,possibly_sensitive"
            + "&expansions=attachments.media_keys&media.fields=type,url,preview_image_url,alt_text";
    private static final int LOOKUP_BATCH = 100;

    private final JsonGet http;
    private final TwitterMapper mapper;
    private final TwitterOptions options;
    private final String username;
    private final String timelinePath;
    private final String timelineKey;
    private final String lookupKey;
    private final Map<String, Post> newestFirst = new LinkedHashMap<>();
    private final List<String> deleted = new ArrayList<>();
    private String highest;

    TwitterPoll(JsonGet http, TwitterMapper mapper, TwitterOptions options, String userId, String username,
                String timelineKey, String lookupKey) {
        this.http = http;
        this.mapper = mapper;
        this.options = options;
        this.username = username;
        this.timelinePath = "/2/users/" + TwitterConnector.encode(userId) + "/tweets?max_results="
                + TwitterOptions.PAGE_SIZE + "&" + TWEET_FIELDS;
        this.timelineKey = timelineKey;
        this.lookupKey = lookupKey;
    }

    /** Reads new posts: the newest page when {@code cursor} is null, else everything after it. */
    Future<Void> readNew(String cursor) {
        if (cursor == null) {
            return page(timelinePath, 1, false);
        }
        boolean fromStart = cursor.isEmpty() || cursor.equals("0");
        return page(fromStart ? timelinePath : timelinePath + "&since_id=" + TwitterConnector.encode(cursor), 1, true);
    }

    private Future<Void> page(String path, int number, boolean follow) {
        return http.get(path, timelineKey).compose(reply -> {
            JsonNode json = reply.json();
            JsonNode data = json.path("data");
            if (!json.isObject() || !(data.isMissingNode() || data.isArray())) {
                throw http.malformed(data.isMissingNode() ? "$" : "$.data", reply.path(), "expected a timeline page");
            }
            JsonNode errors = json.path("errors");
            if (data.isMissingNode() && json.path("meta").isMissingNode() && errors.size() > 0) {
                throw http.failure(Reason.NOT_FOUND, "GET " + reply.path() + " answered only errors: "
                        + JsonGet.shorten(errors.path(0).path("title").asText("") + ": "
                        + errors.path(0).path("detail").asText("")), null);
            }
            addAll(data, json.path("includes").path("media"), reply.path());
            String next = json.path("meta").path("next_token").asText("");
            if (follow && !next.isEmpty() && data.size() > 0 && number < options.maxPages()) {
                String base = path.replaceFirst("&pagination_token=[^&]*", "");
                return page(base + "&pagination_token=" + TwitterConnector.encode(next), number + 1, true);
            }
            return Future.succeededFuture();
        });
    }

    private void addAll(JsonNode data, JsonNode media, String path) {
        for (int i = 0; i < data.size(); i++) {
            String where = "$.data[" + i + "]";
            try {
                JsonNode tweet = data.get(i);
                String id = TwitterMapper.id(tweet, where);
                Post post = mapper.toPost(tweet, where, username, media);
                newestFirst.putIfAbsent(post.platformId(), post);
                highest = max(highest, id);
            } catch (TwitterMapper.ShapeException e) {
                throw http.malformed(e.getMessage().split(":")[0], path, e.getMessage().substring(
                        e.getMessage().indexOf(':') + 1).strip());
            }
        }
    }

    /** Looks up {@code knownRecent} (numeric ids only) and records those X reports as not found. */
    Future<Void> sweep(List<String> knownRecent) {
        List<String> ids = knownRecent.stream().filter(id -> id.matches("[0-9]{1,19}")).distinct().toList();
        Future<Void> chain = Future.succeededFuture();
        for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
            chain = chain.compose(v -> lookup(batch));
        }
        return chain;
    }

    private Future<Void> lookup(List<String> batch) {
        String path = "/2/tweets?ids=" + String.join(",", batch) + "&tweet.fields=created_at,edit_history_tweet_ids";
        return http.get(path, lookupKey).map(reply -> {
            Set<String> asked = new HashSet<>(batch);
            for (JsonNode error : reply.json().path("errors")) {
                String id = error.path("resource_id").asText(error.path("value").asText(""));
                if (asked.contains(id) && notFound(error) && !deleted.contains(id)) {
                    deleted.add(id);
                }
            }
            return null;
        });
    }

    private static boolean notFound(JsonNode error) {
        String type = error.path("type").asText("");
        return type.endsWith("/resource-not-found") || error.path("title").asText("").equals("Not Found Error");
    }

    /** Posts oldest first; the cursor at the highest id read, never below {@code cursor}. */
    FetchResult result(String cursor, Profile profile) {
        List<Post> oldestFirst = new ArrayList<>(newestFirst.values()).reversed();
        String next = max(cursor == null || cursor.isEmpty() ? null : cursor, highest);
        return new FetchResult(oldestFirst, next == null ? "0" : next, deleted, profile, http.minDelay());
    }

    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new BigInteger(a).compareTo(new BigInteger(b)) >= 0 ? a : b;
    }
}
