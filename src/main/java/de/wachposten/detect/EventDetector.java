package de.wachposten.detect;

import java.util.Objects;

/**
 * A detector of one kind of event, typed: it handles {@code kind} only and gets the event as the record of that kind.
 *
 * @param <E> the event record of {@code kind}
 */
public abstract class EventDetector<E extends Event> implements Detector {
    private final String name;
    private final Event.Kind kind;
    private final Class<E> type;

    /** @param type the record of {@code kind} */
    protected EventDetector(String name, Event.Kind kind, Class<E> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public boolean handles(Event.Kind k) {
        return k == kind;
    }

    @Override
    public final void detect(Event event, DetectionContext ctx, Findings out) {
        if (type.isInstance(event)) {
            check(type.cast(event), ctx, out);
        }
    }

    /** Adds the findings for {@code event} to {@code out}. */
    protected abstract void check(E event, DetectionContext ctx, Findings out);
}
