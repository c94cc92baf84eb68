package de.wachposten.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole validated configuration. Immutable: built once by {@link ConfigLoader} and never changed after start.
 *
 * @param source   the file it was read from
 * @param server   HTTP server settings
 * @param store    store settings
 * @param rulesDir rules directory as written (default {@code rules}); a relative path is kept relative and so is
 *                 read against the process working directory, not the config file's directory
 * @param smtp     SMTP settings, or null when absent
 * @param policies named policies
 * @param offices  offices by id, in file order
 * @param users    users in file order
 * @param channels channels in file order
 * @param archive  the {@code archive} block
 * @param offboarding the {@code offboarding} block
 * @param oidc     single sign-on with an OpenID Connect provider ({@code auth.oidc}), or null when not configured
 */
public record Config(Path source, Server server, Store store, Path rulesDir, Smtp smtp, Map<String, Policy> policies,
                     List<Office> offices, List<User> users, List<ChannelConfig> channels, Archive archive,
                     Offboarding offboarding, Oidc oidc, Cluster cluster) {

    /** A config with the default cluster settings. */
    public Config(Path source, Server server, Store store, Path rulesDir, Smtp smtp, Map<String, Policy> policies,
                  List<Office> offices, List<User> users, List<ChannelConfig> channels, Archive archive,
                  Offboarding offboarding, Oidc oidc) {
        this(source, server, store, rulesDir, smtp, policies, offices, users, channels, archive, offboarding, oidc,
                Cluster.DEFAULT);
    }

    /**
     * The {@code cluster} block: how instances on one store share the work.
     *
     * @param instance this instance's id, or null for {@code <host>-<pid>}
     * @param leaseTtl how long a heartbeat and a lease last without renewal
     */
    public record Cluster(String instance, Duration leaseTtl) {
        public static final Cluster DEFAULT = new Cluster(null, Duration.ofSeconds(10));
    }

    /** A config without single sign-on. */
    public Config(Path source, Server server, Store store, Path rulesDir, Smtp smtp, Map<String, Policy> policies,
                  List<Office> offices, List<User> users, List<ChannelConfig> channels, Archive archive,
                  Offboarding offboarding) {
        this(source, server, store, rulesDir, smtp, policies, offices, users, channels, archive, offboarding, null);
    }

    /**
     * The {@code auth.oidc} block.
     *
     * @param issuer       the provider's issuer URL (its discovery document is {@code issuer/.well-known/openid-configuration})
     * @param clientId     Wachposten's client id at the provider
     * @param clientSecret the client secret
     * @param userClaim    the ID token claim that holds the Wachposten user id (default {@code preferred_username})
     */
    public record Oidc(URI issuer, String clientId, Secret clientSecret, String userClaim) {
        public Oidc {
            java.util.Objects.requireNonNull(issuer, "issuer");
            java.util.Objects.requireNonNull(clientId, "clientId");
            java.util.Objects.requireNonNull(clientSecret, "clientSecret");
            java.util.Objects.requireNonNull(userClaim, "userClaim");
        }
    }

    /** A config with the default archive settings (keep everything). */
    public Config(Path source, Server server, Store store, Path rulesDir, Smtp smtp, Map<String, Policy> policies,
                  List<Office> offices, List<User> users, List<ChannelConfig> channels) {
        this(source, server, store, rulesDir, smtp, policies, offices, users, channels, Archive.KEEP);
    }

    /** A config with the default off-boarding settings (rotate within 24 hours). */
    public Config(Path source, Server server, Store store, Path rulesDir, Smtp smtp, Map<String, Policy> policies,
                  List<Office> offices, List<User> users, List<ChannelConfig> channels, Archive archive) {
        this(source, server, store, rulesDir, smtp, policies, offices, users, channels, archive, Offboarding.DEFAULT);
    }

    /**
     * The {@code offboarding} block.
     *
     * @param rotateWithin how long after a person left a channel's credentials may stay unrotated before a
     *                     {@code credentials_overdue} alert
     */
    public record Offboarding(Duration rotateWithin) {
        /** The default: rotate within 24 hours. */
        public static final Offboarding DEFAULT = new Offboarding(Duration.ofHours(24));

        public Offboarding {
            java.util.Objects.requireNonNull(rotateWithin, "rotateWithin");
        }
    }

    /**
     * The {@code archive} block.
     *
     * @param retention how long posts that no alert refers to are kept, counted from publication; null keeps them all
     * @param indexPath the directory of the archive's search index as written; null for the default beside the store
     */
    public record Archive(Duration retention, java.nio.file.Path indexPath) {
        /** The default: keep every post, the index beside the store. */
        public static final Archive KEEP = new Archive(null, null);

        public Archive(Duration retention) {
            this(retention, null);
        }
    }

    /**
     * @param port       HTTP port (0 = any free port)
     * @param publicUrl  URL people reach the daemon at (links in alerts)
     * @param linkSecret key that signs acknowledgement links, or null: then a key generated at first start and kept
     *                   in the store is used
     */
    public record Server(String host, int port, URI publicUrl, Secret linkSecret) {
        /** Without a configured link secret. */
        public Server(String host, int port, URI publicUrl) {
            this(host, port, publicUrl, null);
        }
    }

    /**
     * @param path             SQLite file as written (default {@code data/wachposten.db}); a relative path is kept
     *                         relative and so is read against the process working directory, not the config file's
     *                         directory
     * @param jdbcUrl          PostgreSQL JDBC URL ({@code jdbc:postgresql://HOST:PORT/DB}, no credentials), or null
     *                         for the embedded SQLite file
     * @param user             PostgreSQL user, or null
     * @param password         PostgreSQL password, or null
     * @param poolSize         most PostgreSQL connections of this instance
     * @param connectTimeout   longest wait for a PostgreSQL connection
     * @param statementTimeout longest a PostgreSQL statement may run
     */
    public record Store(Path path, String jdbcUrl, String user, Secret password, int poolSize,
                        java.time.Duration connectTimeout, java.time.Duration statementTimeout) {
        public static final int DEFAULT_POOL_SIZE = 10;
        public static final java.time.Duration DEFAULT_CONNECT_TIMEOUT = java.time.Duration.ofSeconds(10);
        public static final java.time.Duration DEFAULT_STATEMENT_TIMEOUT = java.time.Duration.ofSeconds(30);

        /** The SQLite file {@code path}, or PostgreSQL at {@code jdbcUrl} without credentials, with the defaults. */
        public Store(Path path, String jdbcUrl) {
            this(path, jdbcUrl, null, null, DEFAULT_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
        }

        /** True for the shared PostgreSQL store, false for the embedded SQLite file. */
        public boolean isPostgres() {
            return jdbcUrl != null;
        }

        /** The store's name in messages: the SQLite file, or the PostgreSQL URL without its parameters. */
        public String describe() {
            if (jdbcUrl == null) {
                return path.toString();
            }
            int q = jdbcUrl.indexOf('?');
            return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        }
    }

    public record Smtp(String host, int port, boolean starttls, String from, String username, Secret password) {}

    public Config {
        policies = Map.copyOf(policies);
        offices = List.copyOf(offices);
        users = List.copyOf(users);
        channels = List.copyOf(channels);
        archive = archive == null ? Archive.KEEP : archive;
        cluster = cluster == null ? Cluster.DEFAULT : cluster;
        offboarding = offboarding == null ? Offboarding.DEFAULT : offboarding;
    }

    public Optional<Office> office(String id) {
        return offices.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public Optional<ChannelConfig> channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<User> user(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }
}
