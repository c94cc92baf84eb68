package de.wachposten.store.jdbc;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Resolution;
import de.wachposten.model.Severity;
import de.wachposten.store.AlertQuery;
import de.wachposten.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads alerts back into {@link Alert} records, with the post version each one is about. */
final class AlertRows {

    private static final String SELECT = "SELECT id, version_id, channel_id, platform, office_id, severity, status,"
            + " resolution, revision, reasons, created_at, updated_at FROM alerts";

    private AlertRows() {}

    static Optional<Alert> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setString(1, id);
            return list(c, ps).stream().findFirst();
        }
    }

    /** Newest first; each filter may be null. */
    static List<Alert> list(Connection c, AlertStatus status, String channelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT
                + " WHERE (? IS NULL OR status = ?) AND (? IS NULL OR channel_id = ?)"
                + " ORDER BY created_at DESC, rowid DESC")) {
            String s = status == null ? null : status.wire();
            Params.set(ps, s, s, channelId, channelId);
            return list(c, ps);
        }
    }

    /** One page, newest first: the filters, the offset and the limit are all part of the query. */
    static List<Alert> page(Connection c, Dialect dialect, AlertQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE (? IS NULL OR status = ?)")
                .append(" AND (? IS NULL OR channel_id = ?)")
                .append(" AND (? IS NULL OR ").append(dialect.reasonCodeIn("alerts.reasons")).append(')');
        String status = q.status() == null ? null : q.status().wire();
        String reason = q.reason() == null ? null : q.reason().code();
        List<Object> params = new ArrayList<>(Arrays.asList(status, status, q.channelId(), q.channelId(), reason,
                reason));
        List<String> offices = q.offices() == null ? null : List.copyOf(q.offices());
        if (offices != null) {
            sql.append(" AND office_id IN (SELECT NULL");
            for (String office : offices) {
                sql.append(" UNION ALL SELECT ?");
                params.add(office);
            }
            sql.append(')');
        }
        sql.append(" ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?");
        params.add(q.limit());
        params.add(q.offset());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Params.set(ps, params.toArray());
            return list(c, ps);
        }
    }

    private static List<Alert> list(Connection c, PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString("id"), rs.getLong("version_id"), rs.getString("channel_id"),
                        rs.getString("platform"), rs.getString("office_id"), rs.getString("severity"),
                        rs.getString("status"), rs.getString("resolution"), rs.getInt("revision"),
                        rs.getString("reasons"), rs.getString("created_at"), rs.getString("updated_at")));
            }
        }
        List<Alert> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(r.toAlert(c));
        }
        return out;
    }

    /** One alerts row as read, before its post version is loaded. */
    private record Row(String id, long versionId, String channelId, String platform, String officeId,
                       String severity, String status, String resolution, int revision, String reasons,
                       String createdAt, String updatedAt) {

        Alert toAlert(Connection c) throws SQLException {
            var post = PostRows.byVersionId(c, versionId)
                    .orElseThrow(() -> new StoreException("alert " + id + " refers to missing post version "
                            + versionId))
                    .post();
            return new Alert(id, channelId, platform, officeId, Severity.parse(severity),
                    FindingRepository.fromJson(reasons), post, Times.parse(createdAt), Times.parse(updatedAt),
                    revision, AlertStatus.parse(status), resolution == null ? null : Resolution.parse(resolution));
        }
    }
}
