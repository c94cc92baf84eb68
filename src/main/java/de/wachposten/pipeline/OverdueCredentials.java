package de.wachposten.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.wachposten.account.RotationDeadline;
import de.wachposten.config.ChannelConfig;
import de.wachposten.detect.Event;
import de.wachposten.detect.OwedRotation;
import de.wachposten.model.Post;
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
 * The periodic check for credential rotations owed after off-boarding (README, Zugang und Austritt / Access and off-boarding) that are past their deadline
 * ({@link RotationDeadline}), and the events their archive entries stand for.
 *
 * <p>Design: an alert is about one archive entry (as for {@code profile_changed}), so an overdue task becomes an entry
 * of kind {@link StoredPost.Kind#CREDENTIALS} of its channel, stored with the channel's posts and evaluated as an
 * {@link Event.CredentialsOverdue}: only detectors that handle that kind look at it. The store keeps one entry per id
 * and never turns a repeat into a new version, so each task raises one alert, also across restarts. Entries of this
 * kind are never handed to connectors. Blocking: {@link #check()} runs on a worker thread.
 */
public final class OverdueCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(OverdueCredentials.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final Evaluator evaluator;
    private final Map<String, ChannelConfig> channels;
    private final RotationDeadline deadline;
    private final Clock clock;

    /**
     * @param evaluator    evaluates the entries (and commits their alerts and outbox entries)
     * @param rotateWithin {@code offboarding.rotate_within}
     */
    public OverdueCredentials(Store store, Evaluator evaluator, Map<String, ChannelConfig> channels,
                              Duration rotateWithin, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.channels = Map.copyOf(channels);
        this.deadline = new RotationDeadline(rotateWithin);
        this.clock = Objects.requireNonNull(clock, "clock");
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
            OwedRotation owed = owed(task);
            if (channel == null || !deadline.overdue(owed, now)) {
                continue;
            }
            Optional<StoredPost> fresh = store.addEntry(StoredPost.Kind.CREDENTIALS, entry(channel, owed, now),
                    false, now);
            if (fresh.isPresent()) {
                evaluator.evaluate(fresh.get());
                LOG.warn("channel {}: credentials not rotated after {} left (task {}, due {})", channel.id(),
                        task.userId(), task.id(), deadline.due(owed));
                raised++;
            }
        }
        return raised;
    }

    /** The archive entry of an overdue task, published at {@code now}. */
    Post entry(ChannelConfig channel, OwedRotation task, Instant now) {
        return new Post(channel.id(), channel.platform(), "credentials:" + task.taskId(), null, channel.account(),
                deadline.describe(task), now, null, null, null, List.of(), now, "{\"task\":" + task.taskId() + "}");
    }

    /** A store task as detectors see it. */
    static OwedRotation owed(RotationTask t) {
        return new OwedRotation(t.id(), t.userId(), t.leftAt(), t.open());
    }

    /**
     * The event a stored credentials entry stands for: its task, found among the channel's {@code tasks} by the id in
     * the entry's payload.
     *
     * @throws IllegalArgumentException when the payload names no task or a task the channel does not have
     */
    static Event.CredentialsOverdue event(Post entry, List<OwedRotation> tasks) {
        long id;
        try {
            JsonNode task = JSON.readTree(entry.rawJson()).path("task");
            if (!task.canConvertToLong()) {
                throw new IllegalArgumentException("credentials entry " + entry.channelId() + "/"
                        + entry.platformId() + " names no task");
            }
            id = task.asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("credentials entry " + entry.channelId() + "/" + entry.platformId()
                    + " has no readable payload: " + e.getOriginalMessage(), e);
        }
        return new Event.CredentialsOverdue(entry, tasks.stream().filter(t -> t.taskId() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("credentials entry " + entry.channelId() + "/"
                        + entry.platformId() + " names task " + id + ", which channel " + entry.channelId()
                        + " does not have")));
    }
}
