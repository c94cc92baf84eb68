package de.wachposten.api;

import de.wachposten.archive.Archive;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import de.wachposten.model.Alert;
import de.wachposten.model.ReasonCode;
import de.wachposten.rules.ArchiveSearch;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.queryparser.classic.ParseException;

/**
 * The archive search of {@code GET /api/v1/posts} and the console's {@code /search}: by channel, full-text query
 * ({@link ArchiveSearch}: Lucene classic syntax, the rules' German analysis), publication time and alert reason,
 * restricted to the caller's offices. Each result is the latest stored version of a post, newest first. A text query
 * searches the whole archive through its persistent index ({@link Archive}).
 */
public final class PostSearch {
    private static final Comparator<StoredPost> NEWEST_FIRST = Comparator
            .comparing((StoredPost p) -> p.post().publishedAt()).reversed()
            .thenComparing(StoredPost::key);

    /** A checked search: the channels in scope (null: all, for an admin), the parsed text query or null, … */
    public record Query(List<String> channels, ArchiveSearch text, Instant from, Instant to, ReasonCode reason,
                        int limit) {}

    private final Access access;
    private final Store store;
    private final Archive archive;

    public PostSearch(Access access, Store store, Archive archive) {
        this.access = access;
        this.store = store;
        this.archive = archive;
    }

    /**
     * Checks a search of {@code caller}; every argument but {@code caller} and {@code limit} may be null.
     *
     * @throws ApiException 400 naming the field ({@code q}, {@code to}, {@code reason}, {@code channel}), 403 for a
     *                      channel of another office
     */
    public Query query(User caller, String channel, String q, Instant from, Instant to, String reason, int limit) {
        ArchiveSearch text = search(q);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badField("to", "is before from (" + from + ")");
        }
        ReasonCode code = reason(reason);
        List<String> channels;
        if (channel != null) {
            channels = List.of(access.visibleChannel(caller, "channel", channel).id());
        } else if (caller.has(Role.ADMIN)) {
            channels = null;
        } else {
            channels = access.visibleChannels(caller).stream().map(ChannelConfig::id).toList();
        }
        return new Query(channels, text, from, to, code, limit);
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

    /**
     * Runs {@code q}: a text query in one search of the archive's index over the channels in scope; otherwise all
     * channels in one store query for an admin, else one query per visible channel, merged. Blocking.
     */
    public List<StoredPost> run(Query q) {
        if (q.reason() != null) {
            return withReason(q);
        }
        if (q.text() != null) {
            return archive.find(q.text(), q.channels(), q.from(), q.to(), q.limit());
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
        return store.searchPosts(channel, null, q.from(), q.to(), q.limit());
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
}
