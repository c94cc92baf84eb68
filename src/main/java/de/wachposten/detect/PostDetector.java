package de.wachposten.detect;

import de.wachposten.model.Post;

/** A detector of published posts: it looks at the post as it first appeared (edits have their own detector). */
public abstract class PostDetector extends EventDetector<Event.Published> {

    protected PostDetector(String name) {
        super(name, Event.Kind.PUBLISHED, Event.Published.class);
    }

    @Override
    protected final void check(Event.Published event, DetectionContext ctx, Findings out) {
        check(event.post(), ctx, out);
    }

    /** Adds the findings for {@code post} to {@code out}. */
    protected abstract void check(Post post, DetectionContext ctx, Findings out);
}
