package de.wachposten.account;

import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Detector;
import de.wachposten.detect.Event;
import de.wachposten.detect.Findings;
import de.wachposten.detect.OwedRotation;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import java.time.Duration;
import java.util.List;

/**
 * Raises {@code credentials_overdue}: for an overdue rotation task itself (its own alert, one per task), and as a
 * critical finding on every post published or edited while the channel has an overdue open task, naming the tasks.
 */
public final class OverdueCredentialsDetector implements Detector {
    private final RotationDeadline deadline;

    /** @param rotateWithin {@code offboarding.rotate_within} */
    public OverdueCredentialsDetector(Duration rotateWithin) {
        this.deadline = new RotationDeadline(rotateWithin);
    }

    @Override
    public String name() {
        return "credentials";
    }

    @Override
    public boolean handles(Event.Kind kind) {
        return kind.content() || kind == Event.Kind.CREDENTIALS_OVERDUE;
    }

    @Override
    public void detect(Event event, DetectionContext ctx, Findings out) {
        if (event instanceof Event.CredentialsOverdue c) {
            out.add(Finding.of(ReasonCode.CREDENTIALS_OVERDUE, ReasonCode.CREDENTIALS_OVERDUE.defaultSeverity(),
                    deadline.describe(c.task())));
            return;
        }
        List<OwedRotation> late = ctx.rotations().stream().filter(t -> deadline.overdue(t, ctx.now())).toList();
        if (late.isEmpty()) {
            return;
        }
        List<String> named = late.stream().map(t -> "task " + t.taskId() + " (" + t.userId() + " left at "
                + t.leftAt() + ", due by " + deadline.due(t) + ")").toList();
        out.add(Finding.of(ReasonCode.CREDENTIALS_OVERDUE, Severity.CRITICAL,
                "posted while the channel's credentials are overdue for rotation: " + String.join("; ", named)));
    }
}
