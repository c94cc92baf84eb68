package de.wachposten.detect;

import java.time.Instant;
import java.util.Objects;

/**
 * A credential rotation a channel owes because a person with access left (README, Zugang und Austritt / Access and
 * off-boarding), as detectors see it.
 *
 * @param taskId the rotation task's id
 * @param userId the person who left
 * @param leftAt when they left
 * @param open   true while no rotation closed the task
 */
public record OwedRotation(long taskId, String userId, Instant leftAt, boolean open) {
    public OwedRotation {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(leftAt, "leftAt");
    }
}
