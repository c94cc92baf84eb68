package de.wachposten.detect;

import de.wachposten.model.Post;

/**
 * One check of a post. Detectors are plain synchronous Java: no I/O, no Vert.x, time only from the context.
 *
 * <p>Failure contract: a detector that throws is recorded by the pipeline (detector name, post, error, metric) and
 * the other detectors still run.
 */
public interface Detector {

    /** Short stable name, used in logs and metrics. */
    String name();

    /** Adds the findings for {@code post} to {@code out}. */
    void detect(Post post, DetectionContext ctx, Findings out);
}
