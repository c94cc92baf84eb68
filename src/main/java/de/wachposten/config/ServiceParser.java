package de.wachposten.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Reads the small top-level blocks: {@code server}, {@code store}, {@code rules} and {@code smtp}. */
final class ServiceParser {
    static final List<String> SERVER_KEYS = List.of("host", "port", "public_url", "link_secret");
    static final List<String> STORE_KEYS = List.of("path", "jdbc_url", "user", "password", "pool_size",
            "connect_timeout", "statement_timeout");
    /** The keys that only apply to PostgreSQL. */
    private static final List<String> POSTGRES_KEYS = List.of("user", "password", "pool_size", "connect_timeout",
            "statement_timeout");
    static final List<String> RULES_KEYS = List.of("dir");
    static final List<String> SMTP_KEYS = List.of("host", "port", "starttls", "from", "username", "password");

    static final String DEFAULT_HOST = "0.0.0.0";
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_STORE_PATH = "data/wachposten.db";
    static final String DEFAULT_RULES_DIR = "rules";
    static final int DEFAULT_SMTP_PORT = 587;

    /** Shortest accepted {@code server.link_secret}, in characters. */
    static final int MIN_LINK_SECRET = 32;

    private ServiceParser() {
    }

    /** The {@code server} block, or the defaults when {@code m} is null. */
    static Config.Server server(YamlMap m) {
        if (m == null) {
            return new Config.Server(DEFAULT_HOST, DEFAULT_PORT, localUrl(DEFAULT_PORT));
        }
        m.checkKeys(SERVER_KEYS);
        String host = m.has("host") ? m.string("host") : DEFAULT_HOST;
        Integer port = m.integer("port", 0, 65535, DEFAULT_PORT);
        int p = port == null ? DEFAULT_PORT : port;
        URI publicUrl = m.has("public_url") ? m.url("public_url") : localUrl(p);
        Secret linkSecret = m.secret("link_secret", "server, link_secret");
        if (linkSecret != null && linkSecret.isSet() && linkSecret.reveal().length() < MIN_LINK_SECRET) {
            m.problems().error(m.line("link_secret"), "'link_secret' in server must have at least " + MIN_LINK_SECRET
                    + " characters");
        }
        return new Config.Server(host, p, publicUrl, linkSecret);
    }

    private static URI localUrl(int port) {
        return URI.create("http://localhost:" + port);
    }

    /** The {@code store} block, or the defaults when {@code m} is null. Paths stay relative as written. */
    static Config.Store store(YamlMap m) {
        if (m == null) {
            return new Config.Store(Path.of(DEFAULT_STORE_PATH), null);
        }
        m.checkKeys(STORE_KEYS);
        Path path = path(m, "path", DEFAULT_STORE_PATH);
        String jdbcUrl = jdbcUrl(m);
        if (m.has("jdbc_url") && m.has("path")) {
            m.problems().error(m.line("path"), "'path' and 'jdbc_url' in store exclude each other: 'path' is the"
                    + " SQLite file, 'jdbc_url' the PostgreSQL database");
        }
        if (!m.has("jdbc_url")) {
            for (String key : POSTGRES_KEYS) {
                if (m.has(key)) {
                    m.problems().error(m.line(key), "'" + key + "' in store needs 'jdbc_url' (it applies to"
                            + " PostgreSQL only)");
                }
            }
        }
        String user = m.string("user");
        Secret password = m.secret("password", "store, password");
        Integer poolSize = m.integer("pool_size", 1, 1000, Config.Store.DEFAULT_POOL_SIZE);
        java.time.Duration connect = timeout(m, "connect_timeout", Config.Store.DEFAULT_CONNECT_TIMEOUT);
        java.time.Duration statement = timeout(m, "statement_timeout", Config.Store.DEFAULT_STATEMENT_TIMEOUT);
        return new Config.Store(path, jdbcUrl, user, password,
                poolSize == null ? Config.Store.DEFAULT_POOL_SIZE : poolSize,
                connect == null ? Config.Store.DEFAULT_CONNECT_TIMEOUT : connect,
                statement == null ? Config.Store.DEFAULT_STATEMENT_TIMEOUT : statement);
    }

    /**
     * The PostgreSQL URL under {@code jdbc_url}, or null. A URL that carries credentials is refused without being
     * quoted, so a password cannot reach the error output.
     */
    private static String jdbcUrl(YamlMap m) {
        String url = m.string("jdbc_url");
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        int query = lower.indexOf('?');
        if (lower.contains("password=") || lower.indexOf('@') >= 0 && (query < 0 || lower.indexOf('@') < query)) {
            m.problems().error(m.line("jdbc_url"), "'jdbc_url' in store must not carry credentials: put the user in"
                    + " 'user' and the password in 'password' (e.g. ${WACHPOSTEN_DB_PASSWORD})");
            return null;
        }
        if (!url.startsWith("jdbc:")) {
            m.problems().error(m.line("jdbc_url"), "'jdbc_url' in store must start with jdbc:, not '"
                    + m.scalar("jdbc_url").raw() + "'");
            return null;
        }
        if (!url.matches("jdbc:postgresql://[^/?#\\s]+/[^/?#\\s]+(\\?.*)?")) {
            m.problems().error(m.line("jdbc_url"), "'jdbc_url' in store must be a PostgreSQL URL"
                    + " jdbc:postgresql://HOST:PORT/DB, not '" + m.scalar("jdbc_url").raw() + "'");
            return null;
        }
        return url;
    }

    /** A timeout of at least 1 s and at most 1 h under {@code key}, or {@code dflt} when absent; null on error. */
    private static java.time.Duration timeout(YamlMap m, String key, java.time.Duration dflt) {
        Scalar s = m.scalar(key);
        String v = s == null ? null : s.resolved(m.problems(), "'" + key + "' in " + m.label());
        if (v == null) {
            return s == null ? dflt : null;
        }
        try {
            java.time.Duration d = ConfigLoader.parseDuration(v);
            if (d.compareTo(java.time.Duration.ofSeconds(1)) >= 0 && d.compareTo(java.time.Duration.ofHours(1)) <= 0) {
                return d;
            }
            m.problems().error(s.line(), "'" + key + "' in " + m.label() + " must be from 1s to 1h, not '" + s.raw()
                    + "'");
        } catch (IllegalArgumentException e) {
            m.problems().error(s.line(), "bad duration '" + s.raw() + "' for '" + key + "' in " + m.label() + " ("
                    + ConfigLoader.DURATION_FORM + ")");
        }
        return null;
    }

    /** The {@code rules} block's directory, or the default when {@code m} is null. Stays relative as written. */
    static Path rulesDir(YamlMap m) {
        if (m == null) {
            return Path.of(DEFAULT_RULES_DIR);
        }
        m.checkKeys(RULES_KEYS);
        return path(m, "dir", DEFAULT_RULES_DIR);
    }

    /** The {@code smtp} block; null when {@code m} is null (absent or not a mapping). */
    static Config.Smtp smtp(YamlMap m) {
        if (m == null) {
            return null;
        }
        m.checkKeys(SMTP_KEYS);
        String host = m.required("host");
        Integer port = m.integer("port", 1, 65535, DEFAULT_SMTP_PORT);
        Boolean starttls = m.bool("starttls", true);
        String from = m.required("from");
        if (from != null && (from.indexOf('@') <= 0 || from.endsWith("@"))) {
            m.problems().error(m.line("from"), "bad e-mail address '" + m.scalar("from").raw()
                    + "' for 'from' in smtp");
        }
        String username = m.string("username");
        Secret password = m.secret("password", "smtp, password");
        return new Config.Smtp(host, port == null ? DEFAULT_SMTP_PORT : port, starttls == null || starttls, from,
                username, password);
    }

    private static Path path(YamlMap m, String key, String dflt) {
        String v = m.has(key) ? m.string(key) : dflt;
        if (v == null) {
            return Path.of(dflt);
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            m.problems().error(m.line(key), "bad path '" + m.scalar(key).raw() + "' for '" + key + "' in "
                    + m.label() + ": " + e.getReason());
            return Path.of(dflt);
        }
    }
}
