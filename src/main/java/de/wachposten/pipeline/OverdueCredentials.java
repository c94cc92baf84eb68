package de.wachposten.pipeline;

import de.wachposten.config.ChannelConfig;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.store.RotationTask;
import de.wachposten.store.Store;
import de.wachposten.store.StoredPost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credential rotations owed after off-boarding (README, Zugang und Austritt / Access and off-boarding) that are past
 * their deadline: {@code left_at} of the person plus {@code offboarding.rotate_within}.
 *
 * <p>Design: an alert is about one post (as for {@code profile_changed}), so an overdue task becomes a synthetic post
 * of its channel with the platform id {@code credentials:<task id>}, stored with the channel's posts and evaluated with
 * the {@code credentials_overdue} finding only. The store keeps one post per id and never turns a repeat into a new
 * version, so each task raises one alert, also across restarts. Synthetic posts are never handed to connectors.
 * While a channel has an overdue open task, every other post of it gets a critical {@code credentials_overdue}
 * finding naming the task ({@link #raise}). Blocking: {@link #check()} runs on a worker thread.
 */
public final class OverdueCredentials {
    /** Platform ids of synthetic overdue-credentials posts start with this. */
    public static final String PREFIX = "credentials:";
    private static final Logger LOG = LoggerFactory.getLogger(OverdueCredentials.class);

    private final Store store;
    private final Evaluator evaluator;
    private final Map<String, ChannelConfig> channels;
    private final Duration rotateWithin;
    private final Clock clock;

    /**
     * @param evaluator    evaluates the synthetic posts (and commits their alerts and outbox entries)
     * @param rotateWithin {@code offboarding.rotate_within}
     */
    public OverdueCredentials(Store store, Evaluator evaluator, Map<String, ChannelConfig> channels,
                              Duration rotateWithin, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.channels = Map.copyOf(channels);
        this.rotateWithin = Objects.requireNonNull(rotateWithin, "rotateWithin");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True for the platform id of a synthetic overdue-credentials post. */
    public static boolean isCredentialsPost(String platformId) {
        return platformId.startsWith(PREFIX);
    }

    /** When the task's rotation is due. */
    public static Instant due(RotationTask task, Duration rotateWithin) {
        return task.leftAt().plus(rotateWithin);
    }

    /** True when the task is open and its deadline has passed at {@code now}. */
    public static boolean overdue(RotationTask task, Duration rotateWithin, Instant now) {
        return task.open() && now.isAfter(due(task, rotateWithin));
    }

    /**
     * Raises the alert of every overdue task that has none yet (tasks of channels no longer configured are skipped).
     *
     * @return the number of alerts raised
     */
    public int check() {
        return check(clock.instant());
    }

    /** {@link #check()} at {@code now}. */
    public int check(Instant now) {
        int raised = 0;
        for (RotationTask task : store.rotationTasks(null)) {
            ChannelConfig channel = channels.get(task.channelId());
            if (channel == null || !overdue(task, rotateWithin, now)) {
                continue;
            }
            Optional<StoredPost> fresh = store.addSyntheticPost(
                    post(channel, task, due(task, rotateWithin), now), now);
            if (fresh.isPresent()) {
                evaluator.evaluate(fresh.get());
                LOG.warn("channel {}: credentials not rotated after {} left (task {}, due {})", channel.id(),
                        task.userId(), task.id(), due(task, rotateWithin));
                raised++;
            }
        }
        return raised;
    }

    /** The synthetic post of an overdue task, published at {@code now}. */
    static Post post(ChannelConfig channel, RotationTask task, Instant due, Instant now) {
        return new Post(channel.id(), channel.platform(), PREFIX + task.id(), null, channel.account(),
                text(task, due), now, null, null, null, List.of(), now, "{\"task\":" + task.id() + "}");
    }

    /** "credentials not rotated: anna left at …; rotation was due by … (task 3)". */
    static String text(RotationTask task, Instant due) {
        return "credentials not rotated: " + task.userId() + " left at " + task.leftAt() + "; rotation was due by "
                + due + " (task " + task.id() + ")";
    }

    /**
     * The critical finding for a post of a channel with overdue open tasks, naming them; empty when none is overdue.
     *
     * @param tasks the channel's rotation tasks
     */
    public static Optional<Finding> raise(List<RotationTask> tasks, Duration rotateWithin, Instant now) {
        List<RotationTask> late = tasks.stream().filter(t -> overdue(t, rotateWithin, now)).toList();
        if (late.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = late.stream().map(t -> "task " + t.id() + " (" + t.userId() + " left at " + t.leftAt()
                + ", due by " + due(t, rotateWithin) + ")").toList();
        return Optional.of(Finding.of(ReasonCode.CREDENTIALS_OVERDUE, Severity.CRITICAL,
                "posted while the channel's credentials are overdue for rotation: " + String.join("; ", named)));
    }
}
