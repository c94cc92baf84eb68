package de.wachposten.store.jdbc;

import de.wachposten.store.AuditCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Walks the audit chain in sequence order and reports the first break.
 *
 * <ul>
 *   <li>a gap in the sequence: the missing records were removed;</li>
 *   <li>a record whose {@code prev_hash} skips its predecessor and names the one before it: the predecessor was
 *       inserted;</li>
 *   <li>any other {@code prev_hash} mismatch: the predecessor was replaced (rewritten with a fresh hash) or records
 *       before it were removed and the rest renumbered;</li>
 *   <li>a record whose hash does not match its content: it was changed.</li>
 * </ul>
 *
 * A chain without an external anchor cannot reveal records cut off or appended at its end with correct hashes.
 */
final class AuditVerifier {

    private AuditVerifier() {}

    /** Checks the whole chain. */
    static AuditCheck verify(Connection c) throws SQLException {
        long count = 0;
        long prevSeq = 0;
        String prevHash = AuditLog.GENESIS;
        String prevPrevHash = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, at, type, subject, data, prev_hash, hash FROM audit ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                count++;
                long seq = rs.getLong("seq");
                String linked = rs.getString("prev_hash");
                String stored = rs.getString("hash");
                String problem = linkProblem(seq, prevSeq, linked, prevHash, prevPrevHash);
                if (problem == null && !stored.equals(AuditLog.hash(seq, rs.getString("at"), rs.getString("type"),
                        rs.getString("subject"), rs.getString("data"), linked))) {
                    problem = "record " + seq + ": hash does not match its content (changed)";
                }
                if (problem != null) {
                    return new AuditCheck(count, false, firstBad(seq, prevSeq, linked, prevPrevHash), problem);
                }
                prevPrevHash = prevHash;
                prevHash = stored;
                prevSeq = seq;
            }
        }
        return new AuditCheck(count, true, -1, null);
    }

    private static String linkProblem(long seq, long prevSeq, String linked, String prevHash, String prevPrevHash) {
        if (seq <= prevSeq) {
            return "record " + seq + ": sequence number before the start of the chain (inserted)";
        }
        if (seq != prevSeq + 1) {
            String missing = seq == prevSeq + 2
                    ? "record " + (prevSeq + 1) + " is missing"
                    : "records " + (prevSeq + 1) + " to " + (seq - 1) + " are missing";
            String follows = prevSeq == 0 ? "is the first record" : "follows " + prevSeq;
            return "record " + seq + " " + follows + ": " + missing + " (removed)";
        }
        if (linked.equals(prevHash)) {
            return null;
        }
        if (linked.equals(prevPrevHash)) {
            return "record " + prevSeq + ": record " + seq + " links past it to record " + (prevSeq - 1)
                    + " (inserted)";
        }
        return "record " + seq + ": its link does not match record " + prevSeq
                + " (record " + prevSeq + " was replaced, or records before it were removed)";
    }

    private static long firstBad(long seq, long prevSeq, String linked, String prevPrevHash) {
        if (seq <= prevSeq) {
            return seq;
        }
        if (seq != prevSeq + 1) {
            return prevSeq + 1;
        }
        return linked.equals(prevPrevHash) ? prevSeq : seq;
    }
}
