package de.wachposten.store.jdbc;

import de.wachposten.store.AuditCheck;
import de.wachposten.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copies one store into another, SQLite into PostgreSQL or back: every row of every table with its ids, so post
 * versions, approvals, drafts, findings, alerts, outbox entries, settings and the audit chain (same sequence numbers,
 * same hashes) arrive as they were. The target must be empty; it is written in one transaction, so a failed copy
 * leaves it empty.
 */
public final class StoreCopy {

    /** Every table of the schema but {@code schema_version}, parents before the tables that refer to them. */
    static final List<String> TABLES = List.of("channel_state", "posts", "post_versions", "approvals",
            "approval_events", "approval_late", "findings", "alerts", "alert_reasons", "deliveries", "escalations",
            "drafts", "draft_events", "rotation_tasks", "credential_rotations", "channel_profiles", "settings",
            "audit");

    /**
     * Tables left out: the coordination state of the instances running on the source ({@code leases},
     * {@code instances}). Copied, the leases would keep the target's instances off the channels until they lapsed.
     */
    static final List<String> NOT_COPIED = List.of("leases", "instances");

    /** Tables whose rows are ordered by insertion: SQLite's implicit {@code rowid}, an identity column on PostgreSQL. */
    private static final List<String> ROWID_TABLES = List.of("approvals", "alerts", "drafts");

    /** Rows per batch insert. */
    private static final int BATCH = 1_000;

    private StoreCopy() {}

    /**
     * What was copied.
     *
     * @param rows  rows per table, in copy order
     * @param audit the verification of the target's audit chain after the copy
     */
    public record Result(Map<String, Long> rows, AuditCheck audit) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Copies {@code from} into {@code to}.
     *
     * @throws StoreException when {@code to} is not empty (nothing is written then), or a read or write fails
     */
    public static Result copy(JdbcStore from, JdbcStore to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Map<String, Long> rows = from.connections().inTransactionWithoutAudit("read store " + from.where(),
                source -> to.connections().inTransaction("copy into store " + to.where(), target -> {
                    requireEmpty(target, to.where());
                    Map<String, Long> copied = new LinkedHashMap<>();
                    for (String table : TABLES) {
                        copied.put(table, copyTable(source, target, table));
                        to.connections().dialect.resetIdentity(target, table, identityColumn(table));
                    }
                    return copied;
                }));
        AuditCheck source = from.verifyAudit();
        AuditCheck target = to.verifyAudit();
        if (source.ok() && (!target.ok() || target.records() != source.records())) {
            throw new StoreException("copy into store " + to.where() + ": the copied audit chain does not verify: "
                    + target.problem());
        }
        return new Result(rows, target);
    }

    private static void requireEmpty(Connection target, String where) throws SQLException {
        for (String table : TABLES) {
            try (Statement s = target.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new StoreException("store " + where + " is not empty (table " + table + " has "
                            + rs.getLong(1) + " rows): migrate-store copies into an empty store only");
                }
            }
        }
    }

    /** The identity column of {@code table} whose next value follows the copied rows, or null for none. */
    private static String identityColumn(String table) {
        if (ROWID_TABLES.contains(table)) {
            return "rowid";
        }
        return switch (table) {
            case "posts", "post_versions", "approval_events", "findings", "deliveries", "draft_events",
                 "rotation_tasks", "credential_rotations" -> "id";
            default -> null;
        };
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        List<String> columns = columns(source, table);
        String list = String.join(", ", columns);
        String order = table.equals("audit") ? "seq" : columns.contains("id") ? "id" : columns.get(0);
        String insert = "INSERT INTO " + table + " (" + list + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        long n = 0;
        try (Statement s = source.createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery("SELECT " + list + " FROM " + table + " ORDER BY " + order);
                 PreparedStatement ps = target.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        ps.setObject(i, rs.getObject(i));
                    }
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                if (n % BATCH != 0) {
                    ps.executeBatch();
                }
            }
        }
        return n;
    }

    /** The columns of {@code table} in the source, with the row id of the tables ordered by insertion. */
    private static List<String> columns(Connection source, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        if (ROWID_TABLES.contains(table)) {
            columns.add("rowid");
        }
        try (Statement s = source.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                if (!name.equals("rowid")) {
                    columns.add(name);
                }
            }
        }
        return columns;
    }
}
