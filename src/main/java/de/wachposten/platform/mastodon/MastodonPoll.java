package de.wachposten.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import de.wachposten.model.Post;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PlatformException.Reason;
import de.wachposten.platform.Profile;
import de.wachposten.platform.http.JsonGet;
import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * One poll of one account: read what is new since the cursor, then optionally sweep recent posts for edits and
 * deletions. Holds the state of that poll only; the connector creates one per fetch.
 *
 * <p>Reading: without a cursor the newest page is the history; an account without statuses gets the cursor
 * {@code "0"}, so its first statuses later count as new. With a cursor, pages are read forward with
 * {@code min_id} (each page starts right after the highest id of the one before) until a page is short or the page
 * cap is reached; the cursor then stands at the highest id read, so the next poll goes on from there.
 *
 * <p>Sweep: the newest page is read (or reused); known posts found there are returned again, so the store sees edits.
 * Known ids missing from it but inside its id range (or any id, when the page holds the whole account) are fetched
 * one by one: 404 means deleted.
 */
final class MastodonPoll {
    private final JsonGet http;
    private final MastodonStatusMapper mapper;
    private final MastodonOptions options;
    private final String accountId;
    private final String statusesPath;
    private final TreeMap<String, Post> posts = new TreeMap<>(MastodonIds.ORDER);
    private final List<String> deleted = new ArrayList<>();
    private JsonNode newestPage;
    private JsonNode profileAccount;
    private String highest;

    MastodonPoll(JsonGet http, MastodonStatusMapper mapper, MastodonOptions options, String accountId) {
        this.http = http;
        this.mapper = mapper;
        this.options = options;
        this.accountId = accountId;
        this.statusesPath = "/api/v1/accounts/" + encode(accountId) + "/statuses?limit=" + MastodonOptions.PAGE_SIZE;
    }

    /** Reads new statuses: the history when {@code cursor} is null, else everything after it. */
    Future<Void> readNew(String cursor) {
        if (cursor == null) {
            return http.get(statusesPath).map(reply -> {
                newestPage = page(reply);
                addAll(newestPage, "GET " + reply.path());
                return null;
            });
        }
        highest = cursor;
        return readForward(cursor, 1);
    }

    private Future<Void> readForward(String minId, int pageNumber) {
        return http.get(statusesPath + "&min_id=" + encode(minId)).compose(reply -> {
            JsonNode page = page(reply);
            String before = highest;
            addAll(page, "GET " + reply.path());
            boolean moved = MastodonIds.compare(highest, before) > 0;
            if (page.size() >= MastodonOptions.PAGE_SIZE && moved && pageNumber < options.maxPages()) {
                return readForward(highest, pageNumber + 1);
            }
            return Future.succeededFuture();
        });
    }

    /** Re-checks {@code knownRecent} for edits (returned as posts) and deletions (returned as deleted ids). */
    Future<Void> sweep(List<String> knownRecent) {
        if (knownRecent.isEmpty()) {
            return Future.succeededFuture();
        }
        Future<JsonNode> newest = newestPage != null ? Future.succeededFuture(newestPage)
                : http.get(statusesPath).map(this::page);
        return newest.compose(page -> {
            try {
                return sweepPage(page, knownRecent);
            } catch (MastodonStatusMapper.ShapeException e) {
                throw http.failure(Reason.MALFORMED, "malformed JSON at " + e.getMessage() + " of the newest page", null);
            }
        });
    }

    private Future<Void> sweepPage(JsonNode page, List<String> knownRecent) {
        Set<String> known = new HashSet<>(knownRecent);
        Set<String> onPage = new HashSet<>();
        String lowest = null;
        for (int i = 0; i < page.size(); i++) {
            String id = MastodonStatusMapper.id(page.get(i), "$[" + i + "]");
            onPage.add(id);
            lowest = lowest == null || MastodonIds.compare(id, lowest) < 0 ? id : lowest;
            if (known.contains(id) && !posts.containsKey(id)) {
                posts.put(id, mapper.toPost(page.get(i), "$[" + i + "]"));
            }
        }
        String bound = page.size() >= MastodonOptions.PAGE_SIZE ? lowest : null;
        List<String> missing = knownRecent.stream().filter(id -> !onPage.contains(id))
                .filter(id -> bound == null || MastodonIds.compare(id, bound) >= 0).distinct().toList();
        return checkDeleted(missing, 0);
    }

    private Future<Void> checkDeleted(List<String> ids, int index) {
        if (index >= ids.size()) {
            return Future.succeededFuture();
        }
        String id = ids.get(index);
        return http.get("/api/v1/statuses/" + encode(id)).<Void>mapEmpty().recover(failure -> {
            if (failure instanceof PlatformException e && e.reason() == Reason.NOT_FOUND) {
                deleted.add(id);
                return Future.succeededFuture();
            }
            return Future.failedFuture(failure);
        }).compose(v -> checkDeleted(ids, index + 1));
    }

    /** The result: posts oldest first, the cursor at the highest id seen (never below {@code cursor}). */
    FetchResult result(String cursor, Profile lookedUp) {
        String next = MastodonIds.max(cursor, highest);
        if (next == null) {
            next = "0";
        }
        Profile profile = profileAccount != null ? MastodonStatusMapper.toProfile(profileAccount) : lookedUp;
        return new FetchResult(new ArrayList<>(posts.values()), next, deleted, profile, http.minDelay());
    }

    private JsonNode page(JsonGet.Reply reply) {
        if (!reply.json().isArray()) {
            throw http.malformed("$", reply.path(), "expected an array of statuses");
        }
        return reply.json();
    }

    private void addAll(JsonNode page, String request) {
        for (int i = 0; i < page.size(); i++) {
            String where = "$[" + i + "]";
            try {
                JsonNode status = page.get(i);
                String id = MastodonStatusMapper.id(status, where);
                posts.put(id, mapper.toPost(status, where));
                if (highest == null || MastodonIds.compare(id, highest) > 0) {
                    highest = id;
                    rememberProfile(status);
                }
            } catch (MastodonStatusMapper.ShapeException e) {
                throw http.failure(Reason.MALFORMED, "malformed JSON at " + e.getMessage() + " of " + request, null);
            }
        }
    }

    private void rememberProfile(JsonNode status) {
        JsonNode account = status.path("account");
        if (account.isObject() && accountId.equals(account.path("id").asText())) {
            profileAccount = account;
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
