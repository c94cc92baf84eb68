package de.wachposten.api;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.User;
import de.wachposten.store.ChannelState;
import de.wachposten.store.RotationTask;
import de.wachposten.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What is known about each channel a user may see: its configuration, the stored poll state, the daemon's live health,
 * the last credential rotation and the open rotation tasks. The API's {@code GET /api/v1/channels} and the console's
 * channel board both read it from here.
 */
public final class ChannelBoard {
    /**
     * One channel.
     *
     * @param health    the daemon's live health of the channel (a map from the poller), or null when it is not polled
     * @param rotatedAt when its credentials were last rotated, or null
     * @param openTasks its open credential rotation tasks
     */
    public record Entry(ChannelConfig channel, ChannelState state, Object health, Instant rotatedAt,
                        List<RotationTask> openTasks) {}

    private final Access access;
    private final Store store;
    private final Supplier<Map<String, Object>> channelHealth;

    /** @param channelHealth live poll status per channel id: a cheap, thread-safe snapshot */
    public ChannelBoard(Access access, Store store, Supplier<Map<String, Object>> channelHealth) {
        this.access = access;
        this.store = store;
        this.channelHealth = channelHealth;
    }

    /** The channels {@code user} may see, in config order. Blocking (the store). */
    public List<Entry> entries(User user) {
        List<ChannelConfig> channels = access.visibleChannels(user);
        List<ChannelState> states = store.channelStates();
        Map<String, Instant> rotations = store.lastCredentialRotations();
        List<RotationTask> tasks = store.rotationTasks(null);
        Map<String, ChannelState> byId = states.stream()
                .collect(Collectors.toMap(ChannelState::channelId, s -> s, (a, b) -> b));
        Map<String, Object> health = channelHealth.get();
        return channels.stream().map(ch -> new Entry(ch, byId.getOrDefault(ch.id(), ChannelState.empty(ch.id())),
                health == null ? null : health.get(ch.id()), rotations.get(ch.id()),
                tasks.stream().filter(t -> t.open() && t.channelId().equals(ch.id())).toList())).toList();
    }
}
