package de.wachposten.store.jdbc;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertChange;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Finding;
import de.wachposten.model.Resolution;
import de.wachposten.store.Recipients;
import de.wachposten.store.StoreException;
import de.wachposten.store.StoredPost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes alerts: the outcome of detection for one version, and closing an alert. */
final class AlertRepository {

    private AlertRepository() {}

    /** The body of {@code Store.commitDetection}, inside the caller's transaction. */
    static Optional<Alert> commitDetection(Connection c, StoredPost given, List<Finding> findings, String approvalId,
                                           String officeId, Recipients recipients, Instant at) throws SQLException {
        StoredPost version = PostRows.byVersionId(c, given.versionId()).orElseThrow(
                () -> new StoreException("commit detection: unknown post version " + given.versionId()));
        String alertId = Alert.idFor(version.post().channelId(), version.post().platformId());
        if (version.detected()) {
            return AlertRows.find(c, alertId); // committed before: a repeated commit changes nothing
        }
        FindingRepository.insert(c, version, findings, at);
        if (approvalId != null) {
            ApprovalRepository.consume(c, approvalId, version.key(), at);
        }
        Optional<Alert> existing = AlertRows.find(c, alertId);
        if (existing.isEmpty() && !findings.isEmpty()) {
            if (create(c, alertId, version, findings, officeId, at)) {
                OutboxRepository.route(c, AlertRows.find(c, alertId).orElseThrow(), AlertChange.CREATED, recipients,
                        at);
            } else {
                existing = AlertRows.find(c, alertId); // created meanwhile by another instance: update it instead
            }
        }
        if (existing.isPresent()) {
            Alert before = existing.get();
            List<Finding> added = newReasons(before.reasons(), findings);
            if (!added.isEmpty()) {
                update(c, before, version, added, at);
                OutboxRepository.route(c, AlertRows.find(c, alertId).orElseThrow(), AlertChange.UPDATED, recipients,
                        at);
            }
        }
        markDetected(c, version.versionId());
        return AlertRows.find(c, alertId);
    }

    /**
     * The body of {@code Store.closeAlert}, inside the caller's transaction. Acknowledging needs an open alert,
     * resolving one that is not resolved yet; anything else throws {@link IllegalStateException} naming the status.
     */
    static Alert close(Connection c, String alertId, AlertStatus status, Resolution resolution, String by,
                       String approvalId, Recipients recipients, Instant at) throws SQLException {
        if (status == AlertStatus.OPEN) {
            throw new IllegalArgumentException("close alert " + alertId + ": status must be acknowledged or resolved");
        }
        Alert a = AlertRows.find(c, alertId).orElseThrow(() -> new StoreException("unknown alert '" + alertId + "'"));
        if (a.status() == AlertStatus.RESOLVED || (status == AlertStatus.ACKNOWLEDGED && a.status() != AlertStatus.OPEN)) {
            throw new IllegalStateException("alert " + alertId + " is already " + a.status().wire()
                    + (a.resolution() == null ? "" : " (" + a.resolution().wire() + ")"));
        }
        String postKey = a.post().channelId() + "/" + a.post().platformId();
        if (approvalId != null) {
            ApprovalRepository.consume(c, approvalId, postKey, at);
        }
        int revision = a.revision() + 1;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE alerts SET status = ?, resolution = ?, revision = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, status.wire());
            ps.setString(2, resolution == null ? null : resolution.wire());
            ps.setInt(3, revision);
            ps.setString(4, Times.text(at));
            ps.setString(5, alertId);
            ps.executeUpdate();
        }
        Alert closed = AlertRows.find(c, alertId).orElseThrow();
        OutboxRepository.route(c, closed, status == AlertStatus.ACKNOWLEDGED ? AlertChange.ACKNOWLEDGED
                : AlertChange.RESOLVED, recipients, at);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alert_id", alertId);
        data.put("revision", revision);
        data.put("by", by);
        data.put("resolution", resolution == null ? null : resolution.wire());
        AuditLog.append(c, "alert." + status.wire(), postKey, data, at);
        return closed;
    }

    /** Findings whose reason (code, or code and rule) the alert does not carry yet, without repeats. */
    private static List<Finding> newReasons(List<Finding> existing, List<Finding> findings) {
        Set<String> known = new HashSet<>();
        existing.forEach(f -> known.add(FindingRepository.reasonKey(f)));
        List<Finding> added = new ArrayList<>();
        for (Finding f : findings) {
            if (known.add(FindingRepository.reasonKey(f))) {
                added.add(f);
            }
        }
        return added;
    }

    /**
     * Inserts the post's alert at revision 1; false when it exists already (the primary key is derived from the post,
     * so a concurrent instance that created it first wins, and nothing is written here).
     */
    private static boolean create(Connection c, String alertId, StoredPost version, List<Finding> findings,
                                  String officeId, Instant at) throws SQLException {
        List<Finding> reasons = newReasons(List.of(), findings);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts (id, post_id, version_id, channel_id,"
                + " platform, office_id, severity, status, resolution, revision, reasons, created_at, updated_at)"
                + " SELECT ?, post_id, id, ?, ?, ?, ?, 'open', NULL, 1, ?, ?, ? FROM post_versions WHERE id = ?"
                + " ON CONFLICT DO NOTHING")) {
            ps.setString(1, alertId);
            ps.setString(2, version.post().channelId());
            ps.setString(3, version.post().platform());
            ps.setString(4, officeId);
            ps.setString(5, Alert.severityOf(reasons).wire());
            ps.setString(6, FindingRepository.toJson(reasons));
            ps.setString(7, Times.text(at));
            ps.setString(8, Times.text(at));
            ps.setLong(9, version.versionId());
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        addReasonCodes(c, alertId, at, List.of(), reasons);
        AuditLog.append(c, "alert.created", version.key(), change(alertId, 1, reasons, reasons, version), at);
        return true;
    }

    private static void update(Connection c, Alert before, StoredPost version, List<Finding> added, Instant at)
            throws SQLException {
        List<Finding> reasons = new ArrayList<>(before.reasons());
        reasons.addAll(added);
        int revision = before.revision() + 1;
        try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET version_id = ?, severity = ?,"
                + " status = 'open', resolution = NULL, revision = ?, reasons = ?, updated_at = ? WHERE id = ?")) {
            ps.setLong(1, version.versionId());
            ps.setString(2, Alert.severityOf(reasons).wire());
            ps.setInt(3, revision);
            ps.setString(4, FindingRepository.toJson(reasons));
            ps.setString(5, Times.text(at));
            ps.setString(6, before.id());
            ps.executeUpdate();
        }
        addReasonCodes(c, before.id(), before.createdAt(), before.reasons(), added);
        Map<String, Object> data = change(before.id(), revision, reasons, added, version);
        data.put("reopened", before.status() != AlertStatus.OPEN);
        AuditLog.append(c, "alert.updated", version.key(), data, at);
    }

    /**
     * Adds to alert_reasons the codes of {@code added} that {@code existing} does not carry yet, with the alert's
     * creation time {@code createdAt}.
     */
    private static void addReasonCodes(Connection c, String alertId, Instant createdAt, List<Finding> existing,
                                       List<Finding> added) throws SQLException {
        Set<String> codes = new HashSet<>();
        existing.forEach(f -> codes.add(f.code().code()));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_reasons (alert_id, code, created_at)"
                + " VALUES (?, ?, ?)")) {
            for (Finding f : added) {
                if (codes.add(f.code().code())) {
                    ps.setString(1, alertId);
                    ps.setString(2, f.code().code());
                    ps.setString(3, Times.text(createdAt));
                    ps.executeUpdate();
                }
            }
        }
    }

    private static Map<String, Object> change(String alertId, int revision, List<Finding> all, List<Finding> added,
                                              StoredPost v) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alert_id", alertId);
        data.put("revision", revision);
        data.put("severity", Alert.severityOf(all).wire());
        data.put("added", added.stream().map(FindingRepository::reasonKey).toList());
        data.put("version", v.version());
        return data;
    }

    private static void markDetected(Connection c, long versionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE post_versions SET detected = 1 WHERE id = ?")) {
            ps.setLong(1, versionId);
            ps.executeUpdate();
        }
    }
}
