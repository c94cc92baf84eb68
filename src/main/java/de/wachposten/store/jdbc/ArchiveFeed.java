package de.wachposten.store.jdbc;

import de.wachposten.store.ArchiveChanges;
import de.wachposten.store.StoredPost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The archive's change feed, read from the audit log, and the latest versions it points at. */
final class ArchiveFeed {

    /** Audit record types that write an archive entry; their subject is the entry's key. */
    static final List<String> WRITES = List.of("post.seen", "post.edited", "post.deleted");

    private static final String PURGED = "archive.purged";

    /** Largest number of platform ids bound in one IN list. */
    private static final int IN_BATCH = 500;

    private ArchiveFeed() {}

    static ArchiveChanges changes(Connection c, long afterSeq, int limit) throws SQLException {
        // The head is read first: records committed after it are left for the next read, never skipped.
        long head = head(c);
        Set<String> keys = new LinkedHashSet<>();
        Instant purgedBefore = null;
        long last = afterSeq;
        int read = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, type, subject, data FROM audit"
                + " WHERE seq > ? AND seq <= ? AND type IN (?, ?, ?, ?) ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setLong(2, head);
            for (int i = 0; i < WRITES.size(); i++) {
                ps.setString(3 + i, WRITES.get(i));
            }
            ps.setString(6, PURGED);
            ps.setInt(7, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read++;
                    last = rs.getLong(1);
                    if (PURGED.equals(rs.getString(2))) {
                        Instant before = Times.parse(String.valueOf(Json.map(rs.getString(4)).get("published_before")));
                        purgedBefore = purgedBefore == null || before.isAfter(purgedBefore) ? before : purgedBefore;
                    } else {
                        keys.add(rs.getString(3));
                    }
                }
            }
        }
        boolean more = read >= limit;
        return new ArchiveChanges(more ? last : Math.max(head, afterSeq), new ArrayList<>(keys), purgedBefore, more);
    }

    static long head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM audit");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static List<StoredPost> latest(Connection c, Collection<String> keys) throws SQLException {
        Map<String, List<String>> byChannel = new LinkedHashMap<>();
        for (String key : keys) {
            int slash = key.indexOf('/');
            if (slash > 0) {
                byChannel.computeIfAbsent(key.substring(0, slash), k -> new ArrayList<>()).add(key.substring(slash + 1));
            }
        }
        List<StoredPost> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byChannel.entrySet()) {
            List<String> ids = e.getValue();
            for (int from = 0; from < ids.size(); from += IN_BATCH) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + IN_BATCH));
                String marks = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(PostRows.SELECT_LATEST
                        + " WHERE p.channel_id = ? AND p.platform_id IN (" + marks + ")")) {
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < batch.size(); i++) {
                        ps.setString(2 + i, batch.get(i));
                    }
                    out.addAll(PostRows.list(ps));
                }
            }
        }
        return out;
    }

    static List<StoredPost> latestAfter(Connection c, long afterVersionId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                PostRows.SELECT_LATEST + " WHERE v.id > ? ORDER BY v.id LIMIT ?")) {
            ps.setLong(1, afterVersionId);
            ps.setInt(2, limit);
            return PostRows.list(ps);
        }
    }
}
