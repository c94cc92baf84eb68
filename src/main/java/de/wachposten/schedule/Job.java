package de.wachposten.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A periodic job.
 *
 * @param name     names the job in logs and in the {@code job} label of its metrics: lower case, digits and dashes
 * @param interval time between the starts of two runs
 * @param body     one run
 */
public record Job(String name, Duration interval, Body body) {
    /** One run of a job. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs once; blocking (always called on a worker thread, never on an event loop).
         *
         * @param now the scheduler's clock at the start of the run
         * @return how many things the run did (alerts counted, posts removed…), for the caller of
         *         {@link Scheduler#runNow}
         */
        int run(Instant now) throws Exception;
    }

    public Job {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(body, "body");
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("job name '" + name + "': lower case letters, digits and dashes only");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("job " + name + ": interval " + interval + " is not positive");
        }
    }
}
