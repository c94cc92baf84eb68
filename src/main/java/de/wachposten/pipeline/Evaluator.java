package de.wachposten.pipeline;

import de.wachposten.config.ChannelConfig;
import de.wachposten.alert.AlertService;
import de.wachposten.detect.ChannelHistories;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Detector;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the detectors over one stored post version and commits the outcome (findings, consumed approval, alert,
 * outbox entries) in one store transaction. Blocking: runs on a worker thread. A detector that throws is logged and
 * counted; the others still run.
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
    private final Duration rotateWithin;

    /**
     * @param store            reads what detectors look at (open approvals, rotation tasks)
     * @param alerts           commits each outcome (findings, consumed approval, alert and its deliveries)
     * @param languageByOffice the office's language ({@code de}/{@code en}) for explanations
     * @param histories        the channels' learned histories; each first-seen post is learned after detection
     * @param rotateWithin     {@code offboarding.rotate_within}: posts of a channel with a rotation task open longer get
     *                         a critical {@code credentials_overdue} finding
     */
    public Evaluator(Store store, AlertService alerts, List<Detector> detectors, Map<String, ChannelConfig> channels,
                     Clock clock, PipelineMetrics metrics, Function<String, String> languageByOffice,
                     ChannelHistories histories, Duration rotateWithin) {
        this.store = Objects.requireNonNull(store, "store");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.detectors = List.copyOf(detectors);
        this.channels = Map.copyOf(channels);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.languageByOffice = Objects.requireNonNull(languageByOffice, "languageByOffice");
        this.histories = Objects.requireNonNull(histories, "histories");
        this.rotateWithin = Objects.requireNonNull(rotateWithin, "rotateWithin");
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
        Findings out = new Findings();
        ownFinding(version, out);
        if (version.deletedAt() == null && !synthetic(version)) {
            OverdueCredentials.raise(store.rotationTasks(channel.id()), rotateWithin, now).ifPresent(out::add);
            DetectionContext ctx = new DetectionContext(channel, now,
                    version.version() == 1 ? store.openApprovals(channel.id()) : List.of(), version.version(),
                    Messages.of(languageByOffice.apply(channel.officeId())), history(channel, version));
            for (Detector d : detectors) {
                runDetector(d, version.post(), ctx, out);
            }
        }
        List<Finding> findings = out.list();
        findings.forEach(f -> metrics.finding(f.code()));
        Optional<Alert> alert = alerts.detected(version, findings, out.consumedApprovalId(), channel.officeId(), now);
        alert.filter(a -> a.revision() == 1 && a.createdAt().equals(now))
                .ifPresent(a -> metrics.alertCreated(a.severity()));
        if (version.version() == 1 && version.deletedAt() == null && !synthetic(version)) {
            histories.learn(channel, version.post());
        }
        return alert;
    }

    /** The finding a version carries by what it is: deleted, a profile change, overdue credentials, an edit. */
    private void ownFinding(StoredPost version, Findings out) {
        if (version.deletedAt() != null) {
            Messages m = messages(version);
            int kept = version.version() - 1;
            out.add(Finding.of(ReasonCode.DELETED, ReasonCode.DELETED.defaultSeverity(), m.text("post.deleted",
                    version.deletedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    kept == 1 ? m.text("post.versions.one") : m.text("post.versions", kept))));
        } else if (ProfileChanges.isProfilePost(version.post().platformId())) {
            out.add(Finding.of(ReasonCode.PROFILE_CHANGED, ReasonCode.PROFILE_CHANGED.defaultSeverity(),
                    version.post().text()));
        } else if (OverdueCredentials.isCredentialsPost(version.post().platformId())) {
            out.add(Finding.of(ReasonCode.CREDENTIALS_OVERDUE, ReasonCode.CREDENTIALS_OVERDUE.defaultSeverity(),
                    version.post().text()));
        } else if (version.version() > 1) {
            out.add(edited(version));
        }
    }

    /** Profile changes and overdue credentials: posts the daemon made, checked with their own finding only. */
    private static boolean synthetic(StoredPost version) {
        String id = version.post().platformId();
        return ProfileChanges.isProfilePost(id) || OverdueCredentials.isCredentialsPost(id);
    }

    private ChannelHistory history(ChannelConfig channel, StoredPost version) {
        if (version.version() > 1) {
            return ChannelHistory.EMPTY;
        }
        try {
            return histories.before(channel, version.post());
        } catch (RuntimeException e) {
            LOG.error("history of channel {} could not be loaded; behaviour checks skip post {}: {}", channel.id(),
                    version.post().platformId(), e.toString());
            return ChannelHistory.EMPTY;
        }
    }

    private void runDetector(Detector d, Post post, DetectionContext ctx, Findings out) {
        try {
            d.detect(post, ctx, out);
        } catch (RuntimeException e) {
            metrics.detectorError(d.name());
            LOG.error("detector {} failed on post {}/{}: {}", d.name(), post.channelId(), post.platformId(), e.toString());
        }
    }

    private Finding edited(StoredPost version) {
        Post p = version.post();
        Messages m = messages(version);
        return Finding.of(ReasonCode.EDITED, ReasonCode.EDITED.defaultSeverity(), p.editedAt() != null
                ? m.text("post.edited", p.editedAt(), version.version())
                : m.text("post.changed", version.version()));
    }

    /** The explanations' language: that of the office owning the post's channel (German when unknown). */
    private Messages messages(StoredPost version) {
        ChannelConfig ch = channels.get(version.post().channelId());
        return Messages.of(ch == null ? "de" : languageByOffice.apply(ch.officeId()));
    }
}
