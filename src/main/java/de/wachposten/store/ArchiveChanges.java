package de.wachposten.store;

import java.time.Instant;
import java.util.List;

/**
 * A stretch of the archive's change feed ({@link Store#archiveChanges}).
 *
 * @param lastSeq the audit sequence number up to which the feed was read: the next read starts after it
 * @param keys    the keys ({@code channel/platformId}) of the entries written in that stretch, in audit order, repeats
 *                removed
 * @param purgedBefore when a retention purge removed entries in that stretch: the latest publication cut-off among
 *                     them (entries published before it may be gone); else null
 * @param more    true when the read stopped at its limit, so more changes follow at once
 */
public record ArchiveChanges(long lastSeq, List<String> keys, Instant purgedBefore, boolean more) {
    public ArchiveChanges {
        keys = List.copyOf(keys);
    }
}
