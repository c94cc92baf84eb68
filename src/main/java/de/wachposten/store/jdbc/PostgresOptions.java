package de.wachposten.store.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the shared PostgreSQL store.
 *
 * @param jdbcUrl          {@code jdbc:postgresql://HOST:PORT/DB}, without credentials
 * @param user             database user, or null for the driver's default
 * @param password         the user's password, or null; never printed
 * @param poolSize         most connections this instance holds open
 * @param connectTimeout   longest wait for a connection (opening one, or taking one from the pool)
 * @param statementTimeout longest a statement may run before the database cancels it
 */
public record PostgresOptions(String jdbcUrl, String user, String password, int poolSize, Duration connectTimeout,
                              Duration statementTimeout) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    public PostgresOptions {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + where(jdbcUrl));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, not " + poolSize);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
    }

    /** With the default pool size and timeouts. */
    public static PostgresOptions of(String jdbcUrl, String user, String password) {
        return new PostgresOptions(jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_STATEMENT_TIMEOUT);
    }

    /** The store's name in messages: the URL up to its parameters, which may carry credentials. */
    public String where() {
        return where(jdbcUrl);
    }

    private static String where(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "PostgresOptions[" + where() + ", user=" + user + ", password=" + (password == null ? "none" : "<secret>")
                + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout + ", statementTimeout="
                + statementTimeout + "]";
    }
}
