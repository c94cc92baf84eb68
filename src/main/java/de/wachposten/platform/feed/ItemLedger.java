package de.wachposten.platform.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cursor of a source that shows only a window of its newest items and no "since" parameter (feeds, the YouTube
 * channel feed, the Flickr public feed), or whose items carry no reliable edit time (Facebook, Instagram).
 *
 * <p>The cursor lists the tracked items (at most {@link #MAX_TRACKED}, the newest): key, publication time, a hash of
 * what the item says, and the edit time assigned when that changed. Comparing a fetched window with it gives:
 * <ul>
 *   <li><b>new</b>: a key not tracked (no gap and no duplicate, whatever the items' dates or order);</li>
 *   <li><b>edited</b>: a tracked key whose hash changed; the edit time is the source's own ({@code updated}) when it
 *       moved, else the time the change was seen, and is kept so the version stays stable afterwards;</li>
 *   <li><b>deleted</b>: a tracked key missing from the window although it is newer than the window's oldest item;
 *       such keys stay tracked (so a deletion alone does not move the cursor) until they fall out of the window.</li>
 * </ul>
 * Tracked keys older than the window's oldest item are dropped. An empty window reports no deletions. An item without
 * a date counts as published when first seen, a millisecond apart per place in the document (see
 * {@link #undatedTimes}), so deletions are found in feeds without item dates (RSS 0.90–0.92) too.
 */
public final class ItemLedger {
    /** Most items tracked; older items of bigger windows are ignored. */
    public static final int MAX_TRACKED = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(String id, Instant published, String hash, Instant editedAt) {}

    /** An item to return as a post: new, or a new version of a tracked one. */
    public record Change(FeedItem item, Instant publishedAt, Instant editedAt, boolean isNew) {}

    /**
     * The outcome of comparing one window with the cursor.
     *
     * @param undatedIds the new items without a date of their own (dated when first seen)
     */
    public record Outcome(List<Change> changes, List<String> deletedIds, String cursor, Set<String> undatedIds) {}

    /** The cursor cannot be read. */
    public static final class CursorException extends Exception {
        CursorException(String message) {
            super(message, null, false, false);
        }
    }

    private ItemLedger() {}

    /**
     * Compares {@code window} (any order) with {@code cursor} (null on the first poll: every item is new).
     *
     * @param now the time used for items without a date and for edits the source does not date
     */
    public static Outcome apply(String cursor, List<FeedItem> window, Instant now) throws CursorException {
        Map<String, Entry> tracked = decode(cursor);
        Map<String, Entry> next = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>();
        Map<String, Instant> undated = undatedTimes(window, now);
        for (FeedItem item : newestFirst(window, tracked, undated)) {
            Entry known = tracked.get(item.id());
            String hash = hash(item);
            Instant published = known != null ? known.published()
                    : item.published() != null ? item.published() : undated.get(item.id());
            order.put(item.id(), order.size());
            if (known == null) {
                Instant edited = item.updated() != null && item.updated().isAfter(published) ? item.updated() : null;
                next.put(item.id(), new Entry(item.id(), published, hash, edited));
                changes.add(new Change(item, published, edited, true));
            } else if (!known.hash().equals(hash)) {
                Instant edited = item.updated() != null && item.updated().isAfter(published)
                        && (known.editedAt() == null || item.updated().isAfter(known.editedAt())) ? item.updated() : now;
                next.put(item.id(), new Entry(item.id(), published, hash, edited));
                changes.add(new Change(item, published, edited, false));
            } else {
                next.put(item.id(), known);
            }
        }
        List<String> deleted = new ArrayList<>();
        Instant oldest = next.values().stream().map(Entry::published).min(Comparator.naturalOrder()).orElse(null);
        for (Entry e : tracked.values()) {
            if (!next.containsKey(e.id()) && oldest != null && e.published().isAfter(oldest)) {
                deleted.add(e.id());
                next.put(e.id(), e);
            } else if (!next.containsKey(e.id()) && oldest == null) {
                next.put(e.id(), e);
            }
        }
        changes.sort(Comparator.comparing(Change::publishedAt)
                .thenComparing(c -> -order.get(c.item().id())));
        Set<String> undatedNew = new HashSet<>();
        for (Change c : changes) {
            if (c.isNew() && c.item().published() == null) {
                undatedNew.add(c.item().id());
            }
        }
        return new Outcome(changes, deleted, encode(next.values()), undatedNew);
    }

    /** The keys the cursor tracks (empty for null); for paging sources that read until they reach a known item. */
    public static java.util.Set<String> keys(String cursor) throws CursorException {
        return java.util.Set.copyOf(decode(cursor).keySet());
    }

    /**
     * First-seen times for items without a date: {@code now}, less a millisecond per place in the document, so the
     * ledger keeps the feed's own order (newest first) and can tell a deleted item (missing above the window's oldest)
     * from one that rolled out of the window (below it), as for dated items.
     */
    private static Map<String, Instant> undatedTimes(List<FeedItem> window, Instant now) {
        Map<String, Instant> times = new HashMap<>();
        for (FeedItem i : window) {
            times.putIfAbsent(i.id(), now.minusMillis(times.size()));
        }
        return times;
    }

    /** The items of the window newest first (document order among equal times), one per key, at most the cap. */
    private static List<FeedItem> newestFirst(List<FeedItem> window, Map<String, Entry> tracked,
                                              Map<String, Instant> undated) {
        Map<String, FeedItem> unique = new LinkedHashMap<>();
        window.forEach(i -> unique.putIfAbsent(i.id(), i));
        List<FeedItem> items = new ArrayList<>(unique.values());
        Map<String, Instant> times = new HashMap<>();
        for (FeedItem i : items) {
            Entry known = tracked.get(i.id());
            times.put(i.id(), known != null ? known.published() : i.published() != null ? i.published()
                    : undated.get(i.id()));
        }
        items.sort(Comparator.comparing((FeedItem i) -> times.get(i.id())).reversed());
        return items.size() > MAX_TRACKED ? items.subList(0, MAX_TRACKED) : items;
    }

    /** What a change of the item means: its text, links and the source's own update time. */
    static String hash(FeedItem item) {
        return FeedReader.hash(item.text() + "\n" + String.join(" ", item.links()) + "\n"
                + (item.updated() == null ? "" : item.updated().toString()));
    }

    private static String encode(java.util.Collection<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::published).reversed().thenComparing(Entry::id));
        ObjectNode root = JSON.createObjectNode().put("v", 1);
        ArrayNode items = root.putArray("items");
        for (Entry e : sorted) {
            ArrayNode a = items.addArray().add(e.id()).add(e.published().toString()).add(e.hash());
            if (e.editedAt() != null) {
                a.add(e.editedAt().toString());
            }
        }
        return root.toString();
    }

    private static Map<String, Entry> decode(String cursor) throws CursorException {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (cursor == null) {
            return out;
        }
        try {
            JsonNode root = JSON.readTree(cursor);
            if (root == null || root.path("v").asInt() != 1 || !root.path("items").isArray()) {
                throw new CursorException("stored cursor is not a version-1 item ledger");
            }
            for (JsonNode a : root.path("items")) {
                Instant edited = a.size() > 3 ? Instant.parse(a.get(3).asText()) : null;
                Entry e = new Entry(a.get(0).asText(), Instant.parse(a.get(1).asText()), a.get(2).asText(), edited);
                out.put(e.id(), e);
            }
            return out;
        } catch (IOException | DateTimeParseException | NullPointerException e) {
            throw new CursorException("stored cursor is unreadable: " + e.getMessage());
        }
    }
}
