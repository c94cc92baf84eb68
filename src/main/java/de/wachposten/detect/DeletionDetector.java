package de.wachposten.detect;

import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import java.time.temporal.ChronoUnit;

/** Raises {@code deleted} when a post disappeared from the platform, naming when and how many versions the archive keeps. */
public final class DeletionDetector implements Detector {

    @Override
    public String name() {
        return "deletion";
    }

    @Override
    public boolean handles(Event.Kind kind) {
        return kind == Event.Kind.DELETED;
    }

    @Override
    public void detect(Event event, DetectionContext ctx, Findings out) {
        if (!(event instanceof Event.Deleted d)) {
            return;
        }
        Messages m = ctx.messages();
        int kept = d.versionsKept();
        out.add(Finding.of(ReasonCode.DELETED, ReasonCode.DELETED.defaultSeverity(), m.text("post.deleted",
                d.deletedAt().truncatedTo(ChronoUnit.SECONDS),
                kept == 1 ? m.text("post.versions.one") : m.text("post.versions", kept))));
    }
}
