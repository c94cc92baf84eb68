package de.wachposten.archive;

import de.wachposten.rules.QueryCompiler;
import de.wachposten.rules.Ruleset;
import de.wachposten.store.StoredPost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A persistent Lucene index of the archive: one document per archive entry (post, profile revision, credential
 * entry), holding its latest version's text analysed exactly as the rules analyse posts ({@link QueryCompiler}:
 * German stems, compound parts, umlaut folding, markers), its channel, publication time and key. It finds
 * candidates; the store stays the truth (the caller reads the entries back from it).
 *
 * <p>The index remembers up to which audit record of the store it has applied the archive's change feed (its
 * {@linkplain #position() position}, kept in each Lucene commit), so after a restart it catches up from there instead
 * of being rebuilt. Thread-safe: one writer, searches on a near-real-time searcher refreshed after each change.
 */
public final class ArchiveIndex implements AutoCloseable {

    static final String KEY = "key";
    static final String CHANNEL = "channel";
    static final String PUBLISHED = "published";
    private static final String POSITION = "wachposten.audit_position";
    private static final String FORMAT = "wachposten.index_format";
    /** Bumped when the documents change shape: an index of another format is rebuilt. */
    private static final String CURRENT_FORMAT = "1";

    private static final Sort NEWEST_FIRST = new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true),
            new SortField(KEY, SortField.Type.STRING));

    private final String where;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long position;

    private ArchiveIndex(String where, Directory directory) throws IOException {
        this.where = where;
        this.directory = directory;
        long committed = 0;
        boolean reset = false;
        if (DirectoryReader.indexExists(directory)) {
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (CURRENT_FORMAT.equals(data.get(FORMAT))) {
                committed = Long.parseLong(data.getOrDefault(POSITION, "0"));
            } else {
                reset = true;
            }
        }
        IndexWriterConfig iwc = new IndexWriterConfig(QueryCompiler.analyzer())
                .setOpenMode(reset ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                // Sorted as searches sort, so a search for a common word stops after the newest hits of each segment.
                .setIndexSort(NEWEST_FIRST)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, iwc);
        this.searchers = new SearcherManager(writer, null);
        this.position = committed;
    }

    /**
     * Opens (or creates) the index in {@code dir}.
     *
     * @throws UncheckedIOException naming the directory when it cannot be opened (not writable, locked by another
     *                              process, damaged)
     */
    public static ArchiveIndex open(Path dir) {
        try {
            return new ArchiveIndex(dir.toString(), FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("archive index " + dir + ": cannot open: " + e.getMessage(), e);
        }
    }

    /** An index held in memory only (tests, and commands that need no persistence). */
    public static ArchiveIndex inMemory() {
        try {
            return new ArchiveIndex("(memory)", new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit record of the store up to which the archive's changes are applied; 0 for an empty index. */
    public long position() {
        return position;
    }

    /** Puts the latest versions {@code entries} into the index (replacing earlier ones) and moves to {@code to}. */
    public void apply(Collection<StoredPost> entries, long to) {
        try {
            for (StoredPost e : entries) {
                writer.updateDocument(new Term(KEY, e.key()), document(e));
            }
            position = Math.max(position, to);
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw failure("cannot index " + entries.size() + " entries", e);
        }
    }

    /** Removes the entries with {@code keys}. */
    public void remove(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            writer.deleteDocuments(keys.stream().map(k -> new Term(KEY, k)).toArray(Term[]::new));
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw failure("cannot remove " + keys.size() + " entries", e);
        }
    }

    /** Removes every document and sets the position to {@code position} (before a rebuild). */
    public void clear(long position) {
        try {
            writer.deleteAll();
            this.position = position;
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw failure("cannot clear", e);
        }
    }

    /** Makes everything applied so far durable, with the position, in one Lucene commit. */
    public void commit() {
        try {
            writer.setLiveCommitData(Map.of(POSITION, Long.toString(position), FORMAT, CURRENT_FORMAT).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw failure("cannot commit", e);
        }
    }

    /**
     * Keys of the entries matching {@code text} (a query of {@link de.wachposten.rules.ArchiveSearch}, or null for
     * all), in {@code channels} (null: every channel), published in {@code [from, to)} (each bound nullable), newest
     * publication first, then by key; at most {@code limit}.
     */
    public List<String> find(Query text, Collection<String> channels, Instant from, Instant to, int limit) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(text == null ? new MatchAllDocsQuery() : text, BooleanClause.Occur.MUST);
        if (channels != null) {
            b.add(new TermInSetQuery(CHANNEL, channels.stream().map(BytesRef::new).toList()),
                    BooleanClause.Occur.FILTER);
        }
        if (from != null || to != null) {
            long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
            long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
        }
        try {
            IndexSearcher s = searchers.acquire();
            try {
                TopFieldDocs top = s.search(b.build(), Math.max(1, limit), NEWEST_FIRST, false);
                StoredFields stored = s.storedFields();
                List<String> keys = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc d : top.scoreDocs) {
                    keys.add(stored.document(d.doc).get(KEY));
                }
                return keys;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw failure("cannot search", e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException("the query expands to too many words: " + e.getMessage(), e);
        }
    }

    /** Keys of the entries published before {@code before}, at most {@code limit}, after key {@code afterKey}. */
    List<String> publishedBefore(Instant before, String afterKey, int limit) {
        Query q = LongPoint.newRangeQuery(PUBLISHED, Long.MIN_VALUE, before.toEpochMilli() - 1);
        try {
            IndexSearcher s = searchers.acquire();
            try {
                BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.FILTER);
                if (afterKey != null) {
                    b.add(new org.apache.lucene.search.TermRangeQuery(KEY, new BytesRef(afterKey), null, false, false),
                            BooleanClause.Occur.FILTER);
                }
                TopFieldDocs top = s.search(b.build(), limit, new Sort(new SortField(KEY, SortField.Type.STRING)),
                        false);
                StoredFields stored = s.storedFields();
                List<String> keys = new ArrayList<>();
                for (ScoreDoc d : top.scoreDocs) {
                    keys.add(stored.document(d.doc).get(KEY));
                }
                return keys;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw failure("cannot read entries published before " + before, e);
        }
    }

    /** Number of entries in the index (as of the last refresh). */
    public int size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw failure("cannot count", e);
        }
    }

    static Document document(StoredPost e) {
        Document doc = new Document();
        for (IndexableField f : Ruleset.document(e.post().text())) {
            doc.add(f);
        }
        doc.add(new StringField(KEY, e.key(), Field.Store.YES));
        doc.add(new SortedDocValuesField(KEY, new BytesRef(e.key())));
        doc.add(new StringField(CHANNEL, e.post().channelId(), Field.Store.NO));
        long published = e.post().publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        return doc;
    }

    private UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException("archive index " + where + ": " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            try {
                if (writer.isOpen()) {
                    commit();
                }
            } finally {
                searchers.close();
                writer.close();
                directory.close();
            }
        } catch (IOException e) {
            throw failure("cannot close", e);
        }
    }
}
