package de.wachposten.app;

import de.wachposten.alert.AckLinks;
import de.wachposten.alert.AlertMetrics;
import de.wachposten.alert.AlertRouter;
import de.wachposten.alert.AlertService;
import de.wachposten.alert.Escalator;
import de.wachposten.alert.Notifier;
import de.wachposten.alert.NotifierFactory;
import de.wachposten.alert.Outbox;
import de.wachposten.alert.RetryPolicy;
import de.wachposten.api.AckLinkHandler;
import de.wachposten.api.ApiServer;
import de.wachposten.archive.Archive;
import de.wachposten.account.OverdueCredentialsDetector;
import de.wachposten.account.ProfileChangeDetector;
import de.wachposten.approval.ApprovalDetector;
import de.wachposten.behaviour.BehaviourDetector;
import de.wachposten.behaviour.ClientDetector;
import de.wachposten.behaviour.Profiles;
import de.wachposten.cluster.Coordinator;
import de.wachposten.store.Lease;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import de.wachposten.config.ChannelConfig;
import de.wachposten.console.Console;
import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.config.SinkConfig;
import de.wachposten.detect.DeletionDetector;
import de.wachposten.detect.Detector;
import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.detect.EditDetector;
import de.wachposten.pipeline.ChannelPoller;
import de.wachposten.pipeline.Evaluator;
import de.wachposten.pipeline.OverdueCredentials;
import de.wachposten.pipeline.Pipeline;
import de.wachposten.pipeline.PipelineMetrics;
import de.wachposten.rules.FlaggedContentDetector;
import de.wachposten.rules.LinkDomainDetector;
import de.wachposten.rules.LiveRules;
import de.wachposten.rules.RulesWatcher;
import de.wachposten.schedule.Job;
import de.wachposten.schedule.Scheduler;
import de.wachposten.platform.Connector;
import de.wachposten.platform.ConnectorFactory;
import de.wachposten.platform.PlatformException;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import de.wachposten.timing.Holidays;
import de.wachposten.timing.HoursDetector;
import de.wachposten.timing.StatusDetector;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: wires store, connectors, pipeline, outbox and API by hand, in one place, and owns their
 * lifecycle. Nothing here decides anything about posts; it only connects the parts.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    private static final Duration OPEN_ALERTS_REFRESH = Duration.ofSeconds(10);
    private static final Duration PURGE_EVERY = Duration.ofHours(6);
    /** How often open credential rotation tasks are checked against {@code offboarding.rotate_within}. */
    private static final Duration CREDENTIALS_CHECK = Duration.ofMinutes(1);
    /** Newest posts per channel that retention never removes (the edit and deletion sweep compares against them). */
    private static final int KEEP_NEWEST_PER_CHANNEL = 200;
    /** Stored posts a channel's behaviour profile is built from. */
    private static final int PROFILE_HISTORY = 2000;

    /** How often the archive's search index catches up with the store and commits. */
    static final Duration ARCHIVE_INDEX_EVERY = Duration.ofSeconds(5);

    /**
     * How often, and after how long, post versions stored but not evaluated (their instance died in between) are
     * evaluated by the instance holding the job's lease.
     */
    static final Duration DETECTION_CATCH_UP = Duration.ofSeconds(15);

    /** How often open alerts are checked for escalation. */
    static final Duration ESCALATION_CHECK = Duration.ofSeconds(15);

    private final Config config;
    private final Wiring wiring;
    private final Store store;
    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final Map<String, ChannelPoller> pollers = new ConcurrentHashMap<>();
    private final Map<String, Object> unsupported = new LinkedHashMap<>();
    private WorkerExecutor worker;
    /**
     * The coordinator's own thread: its rounds (heartbeat, lease renewal) never queue behind polls and evaluations on
     * the store workers, so a busy instance keeps its leases.
     */
    private WorkerExecutor clusterWorker;
    private Scheduler clusterScheduler;
    private Outbox outbox;
    private Scheduler scheduler;
    private ApiServer api;
    private int apiPort;
    private DaemonMetrics daemonMetrics;
    private volatile boolean ready;
    private volatile boolean stopping;
    private LiveRules rules;
    private RulesWatcher rulesWatcher;
    private OverdueCredentials overdueCredentials;
    private Coordinator coordinator;
    private Pipeline pipeline;
    private PipelineMetrics pipelineMetrics;
    /** The channels this instance can poll, by lease name; which of them it polls the coordinator decides. */
    private final Map<String, ChannelConfig> pollable = new LinkedHashMap<>();
    private final Map<String, ConnectorFactory.ConnectorEnv> envs = new HashMap<>();
    private final Random rnd = new Random();
    private Archive archive;

    private Daemon(Config config, Wiring wiring, Store store) {
        this.config = config;
        this.wiring = wiring;
        this.store = store;
        this.vertx = Vertx.vertx();
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * Opens the store and starts everything. The store is opened on the calling thread (before any event loop runs).
     *
     * @return the running daemon, once the API listens and the pollers are scheduled
     */
    public static Future<Daemon> start(Config config, Wiring wiring) {
        Store store = wiring.openStore(config);
        Daemon d = new Daemon(config, wiring, store);
        // not bound to the daemon's Vert.x, which a failed start closes: the failure must still reach the caller
        Promise<Daemon> started = Promise.promise();
        d.startAll().onComplete(ar -> {
            if (ar.succeeded()) {
                started.complete(d);
            } else {
                d.stop().onComplete(x -> started.fail(ar.cause()));
            }
        });
        return started.future();
    }

    private Future<Void> startAll() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        WebClient client = httpClient();
        AckLinks ackLinks = AckLinkKey.links(config, store, wiring.clock());
        archive = wiring.openArchive(config, store);
        Map<String, Notifier> notifiers = notifiers(client, ackLinks);
        AlertMetrics alertMetrics = new AlertMetrics(registry);
        notifiers.values().forEach(n -> alertMetrics.registerSink(n.type()));
        outbox = new Outbox(vertx, store, notifiers, wiring.retryPolicy(), wiring.clock(), alertMetrics);
        AlertService alerts = new AlertService(store, new AlertRouter(config.offices(), notifiers.keySet()),
                wiring.clock());
        alerts.onChange(a -> outbox.kick());
        worker = vertx.createSharedWorkerExecutor("wachposten-store", 4, 5, TimeUnit.MINUTES);
        clusterWorker = vertx.createSharedWorkerExecutor("wachposten-cluster", 1, 5, TimeUnit.MINUTES);
        PipelineMetrics metrics = new PipelineMetrics(registry);
        metrics.register(config.channels().stream().map(ChannelConfig::platform).distinct().toList(),
                config.channels().stream().map(ChannelConfig::id).toList());
        Map<String, ChannelConfig> channels = config.channels().stream()
                .collect(Collectors.toMap(ChannelConfig::id, c -> c));
        Map<String, String> languages = config.offices().stream()
                .collect(Collectors.toMap(Office::id, Office::language));
        Profiles profiles = new Profiles(id -> store.recentPosts(id, PROFILE_HISTORY).stream()
                .map(StoredPost::post).toList());
        rules = new LiveRules(config.rulesDir(), registry);
        rules.listen((ok, active, errors) -> store.audit(ok ? "rules.reloaded" : "rules.reload_failed", "rules",
                Map.of("dir", config.rulesDir().toString(), "active_rules", active, "errors", errors),
                wiring.clock().instant()));
        rulesWatcher = RulesWatcher.start(rules, Duration.ofSeconds(2));
        Evaluator evaluator = new Evaluator(store, alerts, detectors(rules, config.offboarding().rotateWithin()),
                channels, wiring.clock(), metrics, office -> languages.getOrDefault(office, "de"), profiles);
        overdueCredentials = new OverdueCredentials(store, evaluator, channels, config.offboarding().rotateWithin(),
                wiring.clock());
        pipeline = new Pipeline(store, evaluator, worker, wiring.clock(), metrics);
        pipelineMetrics = metrics;
        coordinator = new Coordinator(store, wiring.instanceId(config), config.cluster().leaseTtl());
        daemonMetrics = new DaemonMetrics(registry, this::channelHealth);
        daemonMetrics.instance(coordinator.instance());
        api = new ApiServer(vertx, config, store, registry, wiring.clock(), this::channelHealth, () -> ready,
                alerts, archive);
        api.serveAckLinks(new AckLinkHandler(vertx, config, store, ackLinks, alerts));
        new Console(vertx, config, store, wiring.clock(), alerts, api.draftDecisions(), api.acknowledgement(),
                api.postSearch(), this::channelHealth, rules::current, registry).mount(api.router());
        outbox.start();
        scheduler = jobs(new Escalator(store, config.offices(), alerts));
        return pipeline.recover()
                .onSuccess(n -> {
                    if (n > 0) {
                        LOG.info("evaluated {} post versions stored before the last shutdown", n);
                    }
                })
                .compose(n -> worker.executeBlocking(() -> {
                    store.audit("daemon.started", "daemon", StartupAudit.data(config), wiring.clock().instant());
                    return null;
                }))
                .compose(n -> api.start(config.server().host(), config.server().port()))
                .compose(port -> {
                    apiPort = port;
                    preparePollers();
                    return clusterWorker.executeBlocking(() -> coordinate(wiring.clock().instant()), false);
                })
                .map(n -> {
                    scheduler.start();
                    clusterScheduler.start();
                    ready = true;
                    LOG.info("Wachposten {} started as instance {}: {} of {} channels polled here, {} sinks,"
                                    + " API on {}:{}", Version.get(), coordinator.instance(), pollers.size(),
                            pollable.size(), notifiers.size(), config.server().host(), apiPort);
                    return null;
                });
    }

    /**
     * The periodic jobs: {@code open-alerts} (the open-alert gauges), {@code archive-retention} (when
     * {@code archive.retention} is set), {@code credentials-overdue}, and {@code escalation} (when an office escalates).
     */
    private Scheduler jobs(Escalator escalator) {
        Scheduler s = new Scheduler(vertx, worker, wiring.clock(), registry);
        s.add(new Job("open-alerts", OPEN_ALERTS_REFRESH, now -> {
            List<Alert> open = store.alerts(AlertStatus.OPEN, null);
            daemonMetrics.openAlerts(open);
            return open.size();
        }));
        clusterScheduler = new Scheduler(vertx, clusterWorker, wiring.clock(), registry)
                .add(new Job("cluster", config.cluster().leaseTtl().dividedBy(3), this::coordinate));
        if (config.archive().retention() != null) {
            s.add(oncePerCluster(new Job("archive-retention", PURGE_EVERY, this::purgeArchive)));
        }
        s.add(oncePerCluster(new Job("detection-catch-up", DETECTION_CATCH_UP, now -> {
            int n = pipeline.catchUp(now.minus(DETECTION_CATCH_UP));
            if (n > 0) {
                LOG.info("evaluated {} post versions another instance stored but did not evaluate", n);
            }
            return n;
        })));
        s.add(oncePerCluster(new Job("credentials-overdue", CREDENTIALS_CHECK, overdueCredentials::check)));
        s.add(new Job("archive-index", ARCHIVE_INDEX_EVERY, now -> archive.keepUp()));
        if (escalator.active()) {
            s.add(oncePerCluster(escalator.job(ESCALATION_CHECK)));
        }
        return s;
    }

    /** Jobs that must run on one instance only: each runs where its lease is held. */
    private final List<String> clusterJobs = new ArrayList<>();

    private Job oncePerCluster(Job job) {
        String lease = Lease.job(job.name());
        clusterJobs.add(lease);
        return new Job(job.name(), job.interval(), now -> coordinator.holds(lease) ? job.body().run(now) : 0);
    }

    /**
     * One round of the coordinator (on a worker): heartbeat, leases renewed, handed on and taken; then pollers start
     * for the channels gained and stop for those lost. A round that took longer than a round's interval (it waited
     * for the store, say) wrote expiry times counted from its start, already old: it is repeated at once with the
     * time after it (taking no lease, see {@link Coordinator#late}).
     *
     * @return the number of leases gained or lost
     */
    private int coordinate(Instant now) {
        if (stopping) {
            return 0;
        }
        List<String> wanted = new ArrayList<>(pollable.keySet());
        wanted.addAll(clusterJobs);
        int changed = apply(coordinator.round(now, wanted));
        Instant after = wiring.clock().instant();
        if (Duration.between(now, after).compareTo(config.cluster().leaseTtl().dividedBy(3)) > 0 && !stopping) {
            LOG.debug("the coordinator's round took {} ms, longer than a third of the lease time; renewing at once",
                    Duration.between(now, after).toMillis());
            coordinator.late();
            changed += apply(coordinator.round(after, wanted));
        }
        return changed;
    }

    /** Starts pollers for the channels gained, stops those of the channels lost; returns how many changed. */
    private int apply(Coordinator.Changes changes) {
        for (String name : changes.lost()) {
            ChannelConfig ch = pollable.get(name);
            ChannelPoller p = ch == null ? null : pollers.remove(ch.id());
            if (p != null) {
                p.stop();
                LOG.debug("channel {} is now polled by another instance", ch.id());
            }
        }
        for (Lease lease : changes.gained()) {
            ChannelConfig ch = pollable.get(lease.name());
            if (ch != null) {
                startPoller(ch, lease);
            }
        }
        return changes.gained().size() + changes.lost().size();
    }

    /** Applies {@code archive.retention}: removes posts older than it that no alert refers to. */
    private int purgeArchive(Instant now) {
        Instant before = now.minus(config.archive().retention());
        int n = store.purgeArchive(before, KEEP_NEWEST_PER_CHANNEL, now);
        if (n > 0) {
            LOG.info("archive retention: removed {} posts published before {} that no alert refers to", n, before);
        }
        return n;
    }

    /** The periodic jobs, for tests to run one now ({@link Scheduler#runNow}). */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Daemon-wide metrics (channels by state, open alerts, ruleset reloads). */
    public DaemonMetrics daemonMetrics() {
        return daemonMetrics;
    }

    private static List<Detector> detectors(LiveRules rules, Duration rotateWithin) {
        return List.of(new DeletionDetector(), new EditDetector(), new ProfileChangeDetector(),
                new OverdueCredentialsDetector(rotateWithin),
                new ApprovalDetector(), new HoursDetector(new Holidays()), new StatusDetector(),
                new ClientDetector(), new BehaviourDetector(), new FlaggedContentDetector(rules::current),
                new LinkDomainDetector());
    }

    private Map<String, Notifier> notifiers(WebClient client, AckLinks ackLinks) {
        Map<String, Notifier> byKey = new LinkedHashMap<>();
        NotifierFactory.NotifierEnv env =
                new NotifierFactory.NotifierEnv(vertx, client, wiring.clock(), config, ackLinks);
        for (Office office : config.offices()) {
            List<String> keys = new ArrayList<>();
            for (SinkConfig sink : office.sinks()) {
                NotifierFactory f = wiring.notifiers().get(sink.type());
                if (f == null) {
                    LOG.warn("office {}: sink type {} is not supported by this version; its alerts go to the office's other sinks",
                            office.id(), sink.type());
                    continue;
                }
                byKey.put(sink.key(), f.create(sink, office, env));
                keys.add(sink.key());
            }
            if (keys.isEmpty()) {
                LOG.warn("office {} has no working alert sink: its alerts are stored and visible in the API only", office.id());
            }
            if (office.escalation() != null) {
                addEscalationSinks(office, env, byKey);
            }
        }
        return byKey;
    }

    /** Escalation sinks get notifiers by key, but are not among the office's normal sink keys. */
    private void addEscalationSinks(Office office, NotifierFactory.NotifierEnv env, Map<String, Notifier> byKey) {
        for (SinkConfig sink : office.escalation().sinks()) {
            NotifierFactory f = wiring.notifiers().get(sink.type());
            if (f == null) {
                LOG.warn("office {}: escalation sink type {} is not supported by this version", office.id(),
                        sink.type());
            } else {
                byKey.put(sink.key(), f.create(sink, office, env));
            }
        }
    }

    /**
     * Starts one poller per channel. Each platform gets its own HTTP client and connection pool: a platform whose
     * requests hang holds only its own connections, never those another platform's channels wait for, even where
     * both sit behind one host (a simulator, an egress proxy).
     */
    /** Checks every channel's connector once; the channels that can be polled wait for their lease. */
    private void preparePollers() {
        for (ChannelConfig ch : config.channels()) {
            try {
                connector(ch);
                pollable.put(Lease.channel(ch.id()), ch);
            } catch (PlatformException e) {
                notPolled(ch, e.getMessage());
            }
        }
    }

    private Connector connector(ChannelConfig ch) {
        ConnectorFactory f = wiring.connectors().get(ch.platform());
        if (f == null) {
            throw new PlatformException(PlatformException.Reason.MALFORMED,
                    "platform " + ch.platform() + " is not supported by this version");
        }
        ConnectorFactory.ConnectorEnv env = envs.computeIfAbsent(ch.platform(),
                p -> new ConnectorFactory.ConnectorEnv(vertx, httpClient(), wiring.clock(),
                        () -> Math.max(1, coordinator.liveInstances().size())));
        return f.create(ch, env);
    }

    /** Starts polling {@code ch} under {@code lease}, after a random delay within its interval (at most 60 s). */
    private synchronized void startPoller(ChannelConfig ch, Lease lease) {
        if (stopping) {
            return;
        }
        ChannelPoller running = pollers.remove(ch.id());
        if (running != null) {
            running.stop();
        }
        Connector connector;
        try {
            connector = connector(ch);
        } catch (PlatformException e) {
            notPolled(ch, e.getMessage());
            return;
        }
        ChannelPoller p = new ChannelPoller(vertx, ch, connector, pipeline, wiring.clock(), pipelineMetrics, rnd,
                lease);
        long spread = Math.min(ch.pollInterval().toMillis(), Duration.ofSeconds(60).toMillis());
        p.start(Duration.ofMillis(ready ? 0 : (long) (rnd.nextDouble() * spread)));
        pollers.put(ch.id(), p);
    }

    private WebClient httpClient() {
        return WebClient.create(vertx, new WebClientOptions().setUserAgent("Wachposten/" + Version.get())
                .setConnectTimeout(10_000).setFollowRedirects(false), new PoolOptions().setHttp1MaxSize(64));
    }

    private void notPolled(ChannelConfig ch, String why) {
        LOG.error("channel {} is not polled: {}", ch.id(), why);
        unsupported.put(ch.id(), Map.of("state", "not_polled", "last_error", why));
    }

    /**
     * Live state per channel, in config order: the poller's health for the channels polled here, and for the others
     * {@code remote} (a live lease of another instance) or {@code unleased} (nobody holds it right now); each with the
     * instance holding its lease.
     */
    private Map<String, Object> channelHealth() {
        Map<String, Object> h = new LinkedHashMap<>();
        Map<String, Lease> leases = coordinator == null ? Map.of() : coordinator.leases();
        Instant now = wiring.clock().instant();
        for (ChannelConfig ch : config.channels()) {
            Object bad = unsupported.get(ch.id());
            if (bad != null) {
                h.put(ch.id(), bad);
                continue;
            }
            Lease lease = leases.get(Lease.channel(ch.id()));
            boolean live = lease != null && lease.liveAt(now);
            ChannelPoller p = pollers.get(ch.id());
            Map<String, Object> entry = new LinkedHashMap<>();
            if (p != null) {
                entry.putAll(p.health());
            } else {
                entry.put("state", live ? "remote" : "unleased");
            }
            entry.put("instance", live ? lease.holder() : null);
            entry.put("lease_expires_at", lease == null ? null : lease.expiresAt().toString());
            h.put(ch.id(), entry);
        }
        return h;
    }

    /** The channels this instance polls now (tests). */
    java.util.Set<String> pollingHere() {
        return java.util.Set.copyOf(pollers.keySet());
    }

    /** The port the API listens on. */
    public int apiPort() {
        return apiPort;
    }

    public Store store() {
        return store;
    }

    public Config config() {
        return config;
    }

    /** Stops polling, hands the leases on, stops delivery and the API, then closes the store. */
    public Future<Void> stop() {
        ready = false;
        synchronized (this) {
            stopping = true;
            pollers.values().forEach(ChannelPoller::stop);
            pollers.clear();
        }
        if (clusterScheduler != null) {
            clusterScheduler.stop();
        }
        Future<Void> released = clusterWorker == null || coordinator == null ? Future.succeededFuture()
                : clusterWorker.<Void>executeBlocking(() -> {
                    coordinator.releaseAll(wiring.clock().instant());
                    return null;
                }, false).recover(e -> {
                    LOG.warn("could not hand the leases on at shutdown (they lapse by themselves): {}", e.toString());
                    return Future.<Void>succeededFuture();
                });
        if (scheduler != null) {
            scheduler.stop();
        }
        if (rulesWatcher != null) {
            rulesWatcher.close();
        }
        Future<Void> apiStopped = api == null ? Future.succeededFuture() : api.stop();
        Future<Void> outboxStopped = outbox == null ? Future.succeededFuture() : outbox.stop();
        // completed outside the daemon's Vert.x, which is closed by then and runs no more callbacks
        Promise<Void> stopped = Promise.promise();
        Future.join(apiStopped, outboxStopped, released).onComplete(x -> vertx.close().onComplete(y -> {
            try {
                if (rules != null) {
                    rules.close(); // after the workers: an evaluation still under way keeps its rules
                }
                if (archive != null) {
                    archive.close();
                }
                store.close();
            } finally {
                stopped.complete();
            }
        }));
        return stopped.future();
    }
}
