package de.wachposten.store.jdbc;

import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.store.StoredPost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Findings per post version, and their JSON form in an alert's reasons. */
final class FindingRepository {

    private FindingRepository() {}

    /** Inserts the findings of one version with a {@code finding.recorded} audit event each. */
    static void insert(Connection c, StoredPost version, List<Finding> findings, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO findings (version_id, code, severity, detail,"
                + " rule, category, matches, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Finding f : findings) {
                ps.setLong(1, version.versionId());
                ps.setString(2, f.code().code());
                ps.setString(3, f.severity().wire());
                ps.setString(4, f.detail());
                ps.setString(5, f.rule());
                ps.setString(6, f.category());
                ps.setString(7, Json.write(f.matches()));
                ps.setString(8, Times.text(at));
                ps.executeUpdate();
                Map<String, Object> data = toMap(f);
                data.put("version", version.version());
                AuditLog.append(c, "finding.recorded", version.key(), data, at);
            }
        }
    }

    /**
     * What makes a reason distinct on an alert: its code, and for {@code flagged_content} also the rule id.
     */
    static String reasonKey(Finding f) {
        return f.code() == ReasonCode.FLAGGED_CONTENT ? f.code().code() + "#" + f.rule() : f.code().code();
    }

    static String toJson(List<Finding> findings) {
        return Json.write(findings.stream().map(FindingRepository::toMap).toList());
    }

    static List<Finding> fromJson(String json) {
        List<Finding> out = new ArrayList<>();
        for (Map<String, Object> m : Json.mapList(json)) {
            @SuppressWarnings("unchecked")
            List<String> matches = (List<String>) m.get("matches");
            out.add(new Finding(ReasonCode.parse((String) m.get("code")), Severity.parse((String) m.get("severity")),
                    (String) m.get("detail"), (String) m.get("rule"), (String) m.get("category"), matches));
        }
        return out;
    }

    private static Map<String, Object> toMap(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code().code());
        m.put("severity", f.severity().wire());
        m.put("detail", f.detail());
        m.put("rule", f.rule());
        m.put("category", f.category());
        m.put("matches", f.matches());
        return m;
    }
}
