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
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads alerts back into {@link Alert} records, with the post version each one is about. */
final class AlertRows {

    private static final String SELECT = "SELECT id, version_id, channel_id, platform, office_id, severity, status,"
            + " resolution, revision, reasons, created_at, updated_at FROM alerts";

    private static final String PAGE_SELECT = "SELECT a.id, a.version_id, a.channel_id, a.platform, a.office_id,"
            + " a.severity, a.status, a.resolution, a.revision, a.reasons, a.created_at, a.updated_at";

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

    /**
     * One keyset page, newest first: only the filters given become conditions, so that an index serves both the
     * filter and the order and the page starts right at its cursor: with a reason, alert_reasons' index on (code,
     * created_at, alert_id) drives the query (a rare reason costs no scan of the other alerts); otherwise the alerts'
     * indexes on (status | channel_id, created_at, id) or (created_at, id).
     */
    static List<Alert> page(Connection c, AlertQuery q) throws SQLException {
        if (q.offices() != null && q.offices().isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(PAGE_SELECT);
        List<String> args = new ArrayList<>();
        String createdAt = "a.created_at";
        String id = "a.id";
        if (q.reason() != null) {
            sql.append(" FROM alert_reasons r JOIN alerts a ON a.id = r.alert_id WHERE r.code = ?");
            args.add(q.reason().code());
            createdAt = "r.created_at";
            id = "r.alert_id";
        } else {
            sql.append(" FROM alerts a WHERE 1 = 1");
        }
        if (q.status() != null) {
            sql.append(" AND a.status = ?");
            args.add(q.status().wire());
        }
        if (q.channelId() != null) {
            sql.append(" AND a.channel_id = ?");
            args.add(q.channelId());
        }
        if (q.offices() != null) {
            sql.append(" AND a.office_id IN (").append(String.join(", ", Collections.nCopies(q.offices().size(),
                    "?"))).append(')');
            args.addAll(q.offices().stream().sorted().toList());
        }
        AlertQuery.Key cursor = q.before() != null ? q.before() : q.after();
        if (cursor != null) {
            sql.append(" AND (").append(createdAt).append(", ").append(id).append(q.after() != null ? ") > (?, ?)"
                    : ") < (?, ?)");
            args.add(Times.text(cursor.createdAt()));
            args.add(cursor.id());
        }
        String order = q.after() != null ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(createdAt).append(order).append(", ").append(id).append(order)
                .append(" LIMIT ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            ps.setInt(args.size() + 1, q.limit());
            List<Alert> page = list(c, ps);
            if (q.after() != null) {
                Collections.reverse(page);
            }
            return page;
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
