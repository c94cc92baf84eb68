package de.wachposten.detect;

import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;

/**
 * Raises {@code edited} when a post changed after it was seen, with the platform's edit time when it gives one. The
 * content detectors check the new text as well; this one only says that it changed.
 */
public final class EditDetector implements Detector {

    @Override
    public String name() {
        return "edit";
    }

    @Override
    public boolean handles(Event.Kind kind) {
        return kind == Event.Kind.EDITED;
    }

    @Override
    public void detect(Event event, DetectionContext ctx, Findings out) {
        if (!(event instanceof Event.Edited e)) {
            return;
        }
        Messages m = ctx.messages();
        out.add(Finding.of(ReasonCode.EDITED, ReasonCode.EDITED.defaultSeverity(), e.editedAt() != null
                ? m.text("post.edited", e.editedAt(), e.version())
                : m.text("post.changed", e.version())));
    }
}
