package de.wachposten.account;

import de.wachposten.detect.OwedRotation;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a credential rotation owed after off-boarding is due: {@code left_at} of the person plus
 * {@code offboarding.rotate_within} (README, Zugang und Austritt / Access and off-boarding).
 *
 * @param within {@code offboarding.rotate_within}
 */
public record RotationDeadline(Duration within) {
    public RotationDeadline {
        Objects.requireNonNull(within, "within");
    }

    /** When the task's rotation is due. */
    public Instant due(OwedRotation task) {
        return task.leftAt().plus(within);
    }

    /** True when the task is open and its deadline has passed at {@code now}. */
    public boolean overdue(OwedRotation task, Instant now) {
        return task.open() && now.isAfter(due(task));
    }

    /** "credentials not rotated: anna left at …; rotation was due by … (task 3)". */
    public String describe(OwedRotation task) {
        return "credentials not rotated: " + task.userId() + " left at " + task.leftAt() + "; rotation was due by "
                + due(task) + " (task " + task.taskId() + ")";
    }
}
