package de.wachposten.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Binds positional parameters. PostgreSQL's driver knows only plain {@code ?}, so a value used twice in a query
 * ({@code ? IS NULL OR x = ?}) is bound twice; a null binds as text, so both databases know its type.
 */
final class Params {

    private Params() {}

    /** Binds {@code values} to parameters 1, 2, …: strings, integers, longs and nulls. */
    static void set(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            switch (v) {
                case null -> ps.setNull(i + 1, Types.VARCHAR);
                case String s -> ps.setString(i + 1, s);
                case Integer n -> ps.setInt(i + 1, n);
                case Long n -> ps.setLong(i + 1, n);
                default -> throw new IllegalArgumentException("cannot bind a " + v.getClass().getSimpleName());
            }
        }
    }

    /** A {@code LIKE} pattern (escape character backslash) matching text that contains {@code fragment}. */
    static String containing(String fragment) {
        return "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
