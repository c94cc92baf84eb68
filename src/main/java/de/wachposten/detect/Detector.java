package de.wachposten.detect;

/**
 * One check of an {@link Event}. Detectors are plain synchronous Java: no I/O, no Vert.x, time only from the context.
 * The pipeline hands a detector only the kinds of events it {@link #handles}.
 *
 * <p>Failure contract: a detector that throws is recorded by the pipeline (detector name, post, error, metric) and
 * the other detectors still run.
 */
public interface Detector {

    /** Short stable name, used in logs and metrics. */
    String name();

    /**
     * True when this detector checks events of {@code kind}; by default published posts only (a post is checked when
     * it first appears; edits, deletions and account events have detectors of their own).
     */
    default boolean handles(Event.Kind kind) {
        return kind == Event.Kind.PUBLISHED;
    }

    /** Adds the findings for {@code event} to {@code out}. */
    void detect(Event event, DetectionContext ctx, Findings out);
}
