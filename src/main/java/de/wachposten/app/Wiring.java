package de.wachposten.app;

import de.wachposten.alert.NotifierFactory;
import de.wachposten.alert.RetryPolicy;
import de.wachposten.alert.alertmanager.AlertmanagerNotifier;
import de.wachposten.alert.email.EmailNotifier;
import de.wachposten.alert.matrix.MatrixNotifier;
import de.wachposten.alert.mattermost.MattermostNotifier;
import de.wachposten.alert.slack.SlackNotifier;
import de.wachposten.alert.teams.TeamsNotifier;
import de.wachposten.alert.webhook.WebhookNotifier;
import de.wachposten.archive.Archive;
import de.wachposten.archive.ArchiveIndex;
import de.wachposten.config.Config;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.bluesky.BlueskyConnector;
import de.wachposten.platform.bluesky.BlueskyOptions;
import de.wachposten.platform.mastodon.MastodonConnector;
import de.wachposten.platform.twitter.TwitterConnector;
import de.wachposten.platform.twitter.TwitterOptions;
import de.wachposten.platform.facebook.FacebookConnector;
import de.wachposten.platform.flickr.FlickrConnector;
import de.wachposten.platform.instagram.InstagramConnector;
import de.wachposten.platform.rss.RssConnector;
import de.wachposten.platform.youtube.YouTubeConnector;
import de.wachposten.store.Store;
import de.wachposten.store.StoreException;
import de.wachposten.store.jdbc.PostgresOptions;
import de.wachposten.store.jdbc.PostgresStore;
import de.wachposten.store.jdbc.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The explicit name → factory maps and the shared inputs (clock, retry policy) the daemon and the commands are built
 * from. Tests and the demo pass their own clock or retry policy; nothing is discovered from the classpath. This is
 * the one place that creates the production wall clock ({@link #defaults()}) and the one place that opens a store
 * ({@link #openStore}, {@link #openExistingStore}), so its checks apply to the daemon and every command alike.
 *
 * @param clock       the daemon's clock
 * @param connectors  platform name → connector factory
 * @param notifiers   sink type → notifier factory
 * @param retryPolicy outbox retry policy
 */
public record Wiring(Clock clock, Map<String, ConnectorFactory> connectors, Map<String, NotifierFactory> notifiers,
                     RetryPolicy retryPolicy) {

    public Wiring {
        connectors = Map.copyOf(connectors);
        notifiers = Map.copyOf(notifiers);
    }

    /** The wall clock of production (UTC). */
    private static final Clock WALL = Clock.systemUTC();

    /** The production wiring: system clock, every connector and sink this version has. */
    public static Wiring defaults() {
        return new Wiring(WALL, allConnectors(), allNotifiers(), RetryPolicy.DEFAULT);
    }

    /** Every platform this version can poll. */
    public static Map<String, ConnectorFactory> allConnectors() {
        return Map.of("mastodon", MastodonConnector.FACTORY,
                "twitter", TwitterConnector.factory(TwitterOptions.defaults()),
                "bluesky", BlueskyConnector.factory(BlueskyOptions.defaults()),
                RssConnector.PLATFORM, RssConnector.FACTORY,
                YouTubeConnector.PLATFORM, YouTubeConnector.FACTORY,
                FlickrConnector.PLATFORM, FlickrConnector.FACTORY,
                FacebookConnector.PLATFORM, FacebookConnector.FACTORY,
                InstagramConnector.PLATFORM, InstagramConnector.FACTORY);
    }

    /** Every sink type this version can deliver to. */
    public static Map<String, NotifierFactory> allNotifiers() {
        return Map.of("webhook", WebhookNotifier.FACTORY,
                "email", EmailNotifier.FACTORY,
                "slack", SlackNotifier.FACTORY,
                "mattermost", MattermostNotifier.FACTORY,
                "teams", TeamsNotifier.FACTORY,
                "matrix", MatrixNotifier.FACTORY,
                "alertmanager", AlertmanagerNotifier.factory(WALL));
    }

    public Wiring withClock(Clock c) {
        return new Wiring(c, connectors, notifiers, retryPolicy);
    }

    public Wiring withRetryPolicy(RetryPolicy p) {
        return new Wiring(clock, connectors, notifiers, p);
    }

    /**
     * Opens the configured store: the SQLite file, created when there is none, or the PostgreSQL database, given the
     * schema when it has none (the daemon, {@code import-plan}).
     *
     * @throws StoreException when the config names a store this version cannot open, or the file is no store
     */
    public Store openStore(Config config) {
        Config.Store s = config.store();
        return s.isPostgres() ? PostgresStore.open(postgres(s), false, clock) : SqliteStore.open(s.path(), clock);
    }

    /**
     * Opens the configured store for a command that reads an existing archive ({@code report}, {@code rehunt},
     * {@code verify-audit}): never creates an empty one.
     *
     * @throws StoreException as {@link #openStore}, and when the store file does not exist or the database holds no
     *                        store
     */
    public Store openExistingStore(Config config) {
        Config.Store s = config.store();
        if (s.isPostgres()) {
            return PostgresStore.open(postgres(s), true, clock);
        }
        Path path = s.path();
        if (!Files.exists(path)) {
            throw new StoreException("store file " + path + " does not exist");
        }
        return SqliteStore.open(path, clock);
    }

    /**
     * Opens (or creates) the archive's search index for {@code store}: {@code archive.index_path}, else a directory
     * beside the SQLite file ({@code data/wachposten.db} → {@code data/wachposten.db-index}), else
     * {@code data/archive-index} for a store reached by {@code store.jdbc_url}.
     *
     * @throws java.io.UncheckedIOException naming the directory when it cannot be opened
     */
    public Archive openArchive(Config config, Store store) {
        return new Archive(store, ArchiveIndex.open(indexPath(config)));
    }

    /** The directory of the archive's search index for {@code config}. */
    public static Path indexPath(Config config) {
        if (config.archive().indexPath() != null) {
            return config.archive().indexPath();
        }
        if (config.store().jdbcUrl() != null) {
            return Path.of("data", "archive-index");
        }
        Path db = config.store().path();
        return db.resolveSibling(db.getFileName() + "-index");
    }

    /** This instance's id among the instances on one store: {@code cluster.instance}, else {@code <host>-<pid>}. */
    public String instanceId(Config config) {
        if (config.cluster().instance() != null) {
            return config.cluster().instance();
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + ProcessHandle.current().pid();
    }

    /** The connection settings of the PostgreSQL store; the password is revealed here and nowhere else. */
    private static PostgresOptions postgres(Config.Store s) {
        String password = null;
        if (s.password() != null) {
            if (!s.password().isSet()) {
                throw new StoreException("store.password: environment variable " + s.password().envVar()
                        + " is not set");
            }
            password = s.password().reveal();
        }
        return new PostgresOptions(s.jdbcUrl(), s.user(), password, s.poolSize(), s.connectTimeout(),
                s.statementTimeout());
    }
}
