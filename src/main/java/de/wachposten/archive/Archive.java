package de.wachposten.archive;

import de.wachposten.rules.ArchiveSearch;
import de.wachposten.store.ArchiveChanges;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Full-text search over the whole archive: an {@link ArchiveIndex} kept in step with the store from the store's
 * change feed ({@link Store#archiveChanges}), the store read back for every hit. Every search first applies the
 * changes committed since the index's position, so a search sees every entry stored before it started; a periodic
 * job ({@link #keepUp()}) keeps the index close behind the store between searches and commits it. Blocking;
 * thread-safe.
 */
public final class Archive implements AutoCloseable {

    /** Changes applied per read of the feed. */
    static final int BATCH = 1_000;
    /** Hits read beyond the limit, for those the store no longer holds or that changed since they were indexed. */
    private static final int SLACK = 50;

    /** Feed reads a search applies at most before it searches (the job applies the rest). */
    private static final int SEARCH_BATCHES = 10;

    private final Store store;
    private final ArchiveIndex index;
    /** Held while changes are applied: by the job, a rebuild, or a search catching up. */
    private final ReentrantLock writing = new ReentrantLock();
    private long committed = -1;

    public Archive(Store store, ArchiveIndex index) {
        this.store = store;
        this.index = index;
    }

    /**
     * Applies the store's changes since the index's position (entries written, entries purged).
     *
     * @return the number of entries put into or removed from the index
     */
    public int catchUp() {
        return catchUp(Integer.MAX_VALUE);
    }

    private int catchUp(int maxBatches) {
        writing.lock();
        try {
            return applyChanges(maxBatches);
        } finally {
            writing.unlock();
        }
    }

    private int applyChanges(int maxBatches) {
        int applied = 0;
        int batches = 0;
        ArchiveChanges changes;
        do {
            changes = store.archiveChanges(index.position(), BATCH);
            List<StoredPost> latest = changes.keys().isEmpty() ? List.of() : store.latestVersions(changes.keys());
            if (latest.size() < changes.keys().size()) {
                Set<String> found = latest.stream().map(StoredPost::key).collect(Collectors.toSet());
                List<String> gone = changes.keys().stream().filter(k -> !found.contains(k)).toList();
                index.remove(gone);
                applied += gone.size();
            }
            index.apply(latest, changes.lastSeq());
            applied += latest.size();
            if (changes.purgedBefore() != null) {
                applied += sweep(changes.purgedBefore());
            }
        } while (changes.more() && ++batches < maxBatches);
        return applied;
    }

    /** Removes the entries published before {@code before} that the store no longer holds. */
    private int sweep(Instant before) {
        int removed = 0;
        String after = null;
        List<String> keys;
        do {
            keys = index.publishedBefore(before, after, BATCH);
            if (keys.isEmpty()) {
                break;
            }
            Set<String> held = store.latestVersions(keys).stream().map(StoredPost::key).collect(Collectors.toSet());
            List<String> gone = keys.stream().filter(k -> !held.contains(k)).toList();
            index.remove(gone);
            removed += gone.size();
            after = keys.getLast();
        } while (keys.size() == BATCH);
        return removed;
    }

    /**
     * Rebuilds the index from the store's latest versions, then applies what changed meanwhile.
     *
     * @return the number of entries indexed
     */
    public int rebuild() {
        writing.lock();
        try {
            return rebuildLocked();
        } finally {
            writing.unlock();
        }
    }

    private int rebuildLocked() {
        long head = store.auditHead();
        index.clear(0);
        int n = 0;
        long after = 0;
        List<StoredPost> page;
        while (!(page = store.latestVersionsAfter(after, BATCH)).isEmpty()) {
            index.apply(page, 0);
            n += page.size();
            after = page.getLast().versionId();
        }
        index.apply(List.of(), head);
        applyChanges(Integer.MAX_VALUE);
        commitLocked();
        return n;
    }

    /**
     * The periodic job's run: an empty index over a store that holds entries is rebuilt (the first start after an
     * upgrade, or after the index directory was removed); otherwise the changes since its position are applied. Then
     * the index is committed.
     *
     * @return the number of entries indexed or removed
     */
    public int keepUp() {
        writing.lock();
        try {
            int n = index.position() == 0 && index.size() == 0 && store.auditHead() > 0 ? rebuildLocked()
                    : applyChanges(Integer.MAX_VALUE);
            commitLocked();
            return n;
        } finally {
            writing.unlock();
        }
    }

    /** Makes the index durable up to its position, when it moved since the last commit. */
    public void commit() {
        writing.lock();
        try {
            commitLocked();
        } finally {
            writing.unlock();
        }
    }

    private void commitLocked() {
        if (index.position() != committed) {
            index.commit();
            committed = index.position();
        }
    }

    /**
     * The latest versions of the entries matching {@code text} (null: every entry) in {@code channels} (null: all),
     * published in {@code [from, to)} (bounds nullable), newest first; at most {@code limit}. Each hit is read back
     * from the store and checked against its current text, so the result never shows an entry the store lost or a
     * text that no longer matches. The changes committed before the search are applied first, unless a rebuild or a
     * large catch-up is under way: then the index is searched as far as it has come.
     */
    public List<StoredPost> find(ArchiveSearch text, Collection<String> channels, Instant from, Instant to,
                                 int limit) {
        if (writing.tryLock()) {
            try {
                applyChanges(SEARCH_BATCHES);
            } finally {
                writing.unlock();
            }
        }
        List<String> keys = index.find(text == null ? null : text.query(), channels, from, to, limit + SLACK);
        Map<String, StoredPost> byKey = store.latestVersions(keys).stream()
                .collect(Collectors.toMap(StoredPost::key, Function.identity(), (a, b) -> a));
        List<StoredPost> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            StoredPost p = byKey.get(key);
            if (p == null || !seen.add(key) || !within(p.post().publishedAt(), from, to)
                    || text != null && !text.matches(p.post().text())) {
                continue;
            }
            out.add(p);
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }

    /** Entries in the index. */
    public int size() {
        return index.size();
    }

    /** The audit position the index has reached. */
    public long position() {
        return index.position();
    }

    @Override
    public void close() {
        writing.lock();
        try {
            index.close();
        } finally {
            writing.unlock();
        }
    }
}
