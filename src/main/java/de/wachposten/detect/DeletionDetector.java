package de.wachposten.detect;

import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import java.time.temporal.ChronoUnit;

/** Raises {@code deleted} when a post disappeared from the platform, naming when and how many versions the archive keeps. */
public final class DeletionDetector extends EventDetector<Event.Deleted> {

    public DeletionDetector() {
        super("deletion", Event.Kind.DELETED, Event.Deleted.class);
    }

    @Override
    protected void check(Event.Deleted d, DetectionContext ctx, Findings out) {
        Messages m = ctx.messages();
        int kept = d.versionsKept();
        out.add(Finding.of(ReasonCode.DELETED, ReasonCode.DELETED.defaultSeverity(), m.text("post.deleted",
                d.deletedAt().truncatedTo(ChronoUnit.SECONDS),
                kept == 1 ? m.text("post.versions.one") : m.text("post.versions", kept))));
    }
}
