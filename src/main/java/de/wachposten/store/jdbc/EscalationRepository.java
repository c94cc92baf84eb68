package de.wachposten.store.jdbc;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertChange;
import de.wachposten.model.AlertStatus;
import de.wachposten.store.Recipients;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The body of {@code Store.escalate}: the due check, the new revision, its outbox entries and the escalation row. */
final class EscalationRepository {
    private EscalationRepository() {}

    static Optional<Alert> escalate(Connection c, String alertId, Duration after, Duration repeat,
                                    Recipients recipients, Instant at) throws SQLException {
        Optional<Alert> found = AlertRows.find(c, alertId);
        if (found.isEmpty() || found.get().status() != AlertStatus.OPEN
                || at.isBefore(found.get().createdAt().plus(after))) {
            return Optional.empty();
        }
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT count, last_at FROM escalations WHERE alert_id = ?")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    count = rs.getInt(1);
                    Instant last = Times.parse(rs.getString(2));
                    if (repeat == null || at.isBefore(last.plus(repeat))) {
                        return Optional.empty();
                    }
                }
            }
        }
        int revision = found.get().revision() + 1;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE alerts SET revision = ?, updated_at = ? WHERE id = ?")) {
            ps.setInt(1, revision);
            ps.setString(2, Times.text(at));
            ps.setString(3, alertId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO escalations (alert_id, count, last_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (alert_id) DO UPDATE SET count = excluded.count, last_at = excluded.last_at")) {
            ps.setString(1, alertId);
            ps.setInt(2, count + 1);
            ps.setString(3, Times.text(at));
            ps.executeUpdate();
        }
        Alert a = AlertRows.find(c, alertId).orElseThrow();
        List<String> sinkKeys = OutboxRepository.route(c, a, AlertChange.ESCALATED, recipients, at);
        AuditLog.append(c, "alert.escalated", a.post().channelId() + "/" + a.post().platformId(), Map.of(
                "alert_id", alertId, "escalation", count + 1, "revision", revision, "sinks", sinkKeys), at);
        return Optional.of(a);
    }
}
