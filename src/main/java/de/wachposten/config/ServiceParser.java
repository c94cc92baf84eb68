package de.wachposten.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** Reads the small top-level blocks: {@code server}, {@code store}, {@code rules} and {@code smtp}. */
final class ServiceParser {
    static final List<String> SERVER_KEYS = List.of("host", "port", "public_url", "link_secret");
    static final List<String> STORE_KEYS = List.of("path", "jdbc_url");
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
        String jdbcUrl = m.string("jdbc_url");
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
            m.problems().error(m.line("jdbc_url"), "'jdbc_url' in store must start with jdbc:, not '"
                    + m.scalar("jdbc_url").raw() + "'");
        }
        return new Config.Store(path, jdbcUrl);
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
