package de.wachposten.detect;

import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;

/**
 * Raises {@code edited} when a post changed after it was seen, with the platform's edit time when it gives one. Other
 * detectors may check the new text as well ({@code flagged_content}); this one only says that it changed.
 */
public final class EditDetector extends EventDetector<Event.Edited> {

    public EditDetector() {
        super("edit", Event.Kind.EDITED, Event.Edited.class);
    }

    @Override
    protected void check(Event.Edited e, DetectionContext ctx, Findings out) {
        Messages m = ctx.messages();
        out.add(Finding.of(ReasonCode.EDITED, ReasonCode.EDITED.defaultSeverity(), e.editedAt() != null
                ? m.text("post.edited", e.editedAt(), e.version())
                : m.text("post.changed", e.version())));
    }
}
