package de.wachposten.pipeline;

import de.wachposten.config.ChannelConfig;
import de.wachposten.alert.AlertService;
import de.wachposten.detect.ChannelHistories;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Detector;
import de.wachposten.detect.Event;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.detect.OwedRotation;
import de.wachposten.model.Alert;
import de.wachposten.model.Approval;
import de.wachposten.model.Finding;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one stored version into an {@link Event}, runs every detector that handles its kind and commits the outcome
 * (findings, consumed approval, alert, outbox entries) in one store transaction through {@link AlertService}. It owns
 * no rule: what a version means is in the detectors. Blocking: runs on a worker thread. A detector that throws is
 * logged and counted; the others still run.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final Store store;
    private final AlertService alerts;
    private final List<Detector> detectors;
    private final Map<String, ChannelConfig> channels;
    private final Clock clock;
    private final PipelineMetrics metrics;
    private final Function<String, String> languageByOffice;
    private final ChannelHistories histories;

    /**
     * @param store            reads what detectors look at (open approvals, rotation tasks)
     * @param alerts           commits each outcome (findings, consumed approval, alert and its deliveries)
     * @param detectors        the checks; each sees the kinds of events it handles, in this order
     * @param languageByOffice the office's language ({@code de}/{@code en}) for explanations
     * @param histories        the channels' learned histories; each published post is learned after detection
     */
    public Evaluator(Store store, AlertService alerts, List<Detector> detectors, Map<String, ChannelConfig> channels,
                     Clock clock, PipelineMetrics metrics, Function<String, String> languageByOffice,
                     ChannelHistories histories) {
        this.store = Objects.requireNonNull(store, "store");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.detectors = List.copyOf(detectors);
        this.channels = Map.copyOf(channels);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.languageByOffice = Objects.requireNonNull(languageByOffice, "languageByOffice");
        this.histories = Objects.requireNonNull(histories, "histories");
    }

    /** Evaluates and commits one version; returns the post's alert if it has one. */
    public Optional<Alert> evaluate(StoredPost version) {
        ChannelConfig channel = channels.get(version.post().channelId());
        if (channel == null) {
            return alerts.detected(version, List.of(), null, "unknown", clock.instant());
        }
        try {
            return commit(version, channel);
        } catch (IllegalStateException raced) {
            // The matched approval was consumed or revoked between reading and committing: evaluate once more.
            LOG.info("re-evaluating post {} after a concurrent approval change: {}", version.key(), raced.getMessage());
            return commit(version, channel);
        }
    }

    private Optional<Alert> commit(StoredPost version, ChannelConfig channel) {
        Instant now = clock.instant();
        List<OwedRotation> rotations = store.rotationTasks(channel.id()).stream().map(OverdueCredentials::owed)
                .toList();
        Findings out = new Findings();
        Optional<Event> event = event(version, rotations);
        event.ifPresent(e -> {
            boolean published = e.kind() == Event.Kind.PUBLISHED;
            List<Approval> approvals = published ? store.openApprovals(channel.id()) : List.of();
            DetectionContext ctx = new DetectionContext(channel, now, approvals, rotations,
                    Messages.of(languageByOffice.apply(channel.officeId())),
                    published ? history(channel, version) : ChannelHistory.EMPTY);
            for (Detector d : detectors) {
                if (d.handles(e.kind())) {
                    runDetector(d, e, ctx, out);
                }
            }
        });
        List<Finding> findings = out.list();
        findings.forEach(f -> metrics.finding(f.code()));
        Optional<Alert> alert = alerts.detected(version, findings, out.consumedApprovalId(), channel.officeId(), now);
        alert.filter(a -> a.revision() == 1 && a.createdAt().equals(now))
                .ifPresent(a -> metrics.alertCreated(a.severity()));
        if (event.filter(e -> e.kind() == Event.Kind.PUBLISHED).isPresent()) {
            histories.learn(channel, version.post());
        }
        return alert;
    }

    /**
     * What the stored version stands for: by its kind, then for posts by whether it is a tombstone, an edit or new.
     * Empty (logged) when an entry of the daemon cannot be read: it is then committed without findings.
     */
    private Optional<Event> event(StoredPost version, List<OwedRotation> rotations) {
        try {
            return Optional.of(switch (version.kind()) {
                case PROFILE -> ProfileChanges.event(version.post());
                case CREDENTIALS -> OverdueCredentials.event(version.post(), rotations);
                case POST -> version.deletedAt() != null
                        ? new Event.Deleted(version.post(), version.deletedAt(), version.version() - 1)
                        : version.version() > 1 ? new Event.Edited(version.post(), version.version())
                        : new Event.Published(version.post());
            });
        } catch (IllegalArgumentException e) {
            LOG.error("{} entry {} is not evaluated: {}", version.kind().value(), version.key(), e.getMessage());
            return Optional.empty();
        }
    }

    private ChannelHistory history(ChannelConfig channel, StoredPost version) {
        try {
            return histories.before(channel, version.post());
        } catch (RuntimeException e) {
            LOG.error("history of channel {} could not be loaded; behaviour checks skip post {}: {}", channel.id(),
                    version.post().platformId(), e.toString());
            return ChannelHistory.EMPTY;
        }
    }

    private void runDetector(Detector d, Event e, DetectionContext ctx, Findings out) {
        try {
            d.detect(e, ctx, out);
        } catch (RuntimeException ex) {
            metrics.detectorError(d.name());
            LOG.error("detector {} failed on post {}/{}: {}", d.name(), e.post().channelId(), e.post().platformId(),
                    ex.toString());
        }
    }
}
