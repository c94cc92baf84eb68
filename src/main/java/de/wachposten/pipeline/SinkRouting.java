package de.wachposten.pipeline;

import de.wachposten.model.Severity;
import java.util.List;

/** Which sinks of an office receive an alert of a given severity (per office and by severity). */
@FunctionalInterface
public interface SinkRouting {

    /** Sink keys of {@code officeId} that take alerts of {@code severity}. */
    List<String> sinksFor(String officeId, Severity severity);
}
