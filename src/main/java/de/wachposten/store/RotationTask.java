package de.wachposten.store;

import java.time.Instant;

/**
 * A credential rotation owed because a person with access to a channel left (README, Zugang und Austritt / Access and
 * off-boarding).
 *
 * @param id        store id
 * @param channelId the channel whose credentials must change
 * @param userId    the person who left
 * @param leftAt    when they left
 * @param openedAt  when the task was opened
 * @param closedAt  the first rotation of the channel at or after {@code openedAt}, or null while open
 */
public record RotationTask(long id, String channelId, String userId, Instant leftAt, Instant openedAt,
                           Instant closedAt) {
    /** True while no rotation closed it. */
    public boolean open() {
        return closedAt == null;
    }
}
