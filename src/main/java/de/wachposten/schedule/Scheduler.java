package de.wachposten.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs registered {@link Job}s: once at {@link #start()}, then every interval on a Vert.x timer. Each body runs on the
 * worker executor, never on an event loop; a run is skipped while the previous run of the same job is still going.
 * The time of a run (its {@code now}, its duration, its last success) is read from the clock, so tests drive jobs
 * with {@link #runNow} on a clock they move, without waiting for the timers. A failure is logged once, with the job
 * name: the first failed run of a series at ERROR, the runs failing after it at DEBUG (a job that fails every run
 * while the store is down, say, does not fill the log), and the first success after them at INFO. Metrics, every
 * series from {@link #add}:
 * <ul>
 *   <li>{@code wachposten_job_runs_total{job,result}} — finished runs, {@code success} or {@code failure}</li>
 *   <li>{@code wachposten_job_duration_seconds{job}} — how long runs took (count, sum, max)</li>
 *   <li>{@code wachposten_job_last_success_timestamp_seconds{job}} — Unix time of the start of the last successful
 *       run (0 = none yet)</li>
 * </ul>
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final String PREFIX = "wachposten.job.";

    private final Vertx vertx;
    private final WorkerExecutor worker;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Scheduled> jobs = new LinkedHashMap<>();
    private boolean started;

    public Scheduler(Vertx vertx, WorkerExecutor worker, Clock clock, MeterRegistry registry) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Registers a job and its metric series; before {@link #start()}. */
    public synchronized Scheduler add(Job job) {
        if (started) {
            throw new IllegalStateException("job " + job.name() + ": the scheduler is already started");
        }
        if (jobs.containsKey(job.name())) {
            throw new IllegalArgumentException("job " + job.name() + " is already registered");
        }
        jobs.put(job.name(), new Scheduled(job));
        return this;
    }

    /** The names of the registered jobs, in registration order. */
    public synchronized List<String> jobs() {
        return List.copyOf(jobs.keySet());
    }

    /** Runs every job once now, then every interval until {@link #stop()}. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("the scheduler is already started");
        }
        started = true;
        for (Scheduled s : jobs.values()) {
            fire(s);
            s.timer = vertx.setPeriodic(s.job.interval().toMillis(), id -> fire(s));
        }
    }

    /** Cancels the timers; runs in flight finish. */
    public synchronized void stop() {
        for (Scheduled s : jobs.values()) {
            if (s.timer >= 0) {
                vertx.cancelTimer(s.timer);
                s.timer = -1;
            }
        }
    }

    /**
     * Runs the job now, whether or not the scheduler is started.
     *
     * @return the body's count, or its failure; fails with {@link IllegalStateException} when the job's previous run
     *         is still going (nothing ran)
     */
    public Future<Integer> runNow(String name) {
        Scheduled s;
        synchronized (this) {
            s = jobs.get(name);
        }
        if (s == null) {
            return Future.failedFuture(new IllegalArgumentException("no job " + name + " (jobs: " + jobs() + ")"));
        }
        return run(s);
    }

    private void fire(Scheduled s) {
        if (s.running.get()) {
            LOG.debug("job {}: the previous run is still going; this run is skipped", s.job.name());
            return;
        }
        run(s);
    }

    private Future<Integer> run(Scheduled s) {
        if (!s.running.compareAndSet(false, true)) {
            return Future.failedFuture(new IllegalStateException("job " + s.job.name() + " is still running"));
        }
        return worker.executeBlocking(() -> s.runOnce(clock), false).onComplete(x -> s.running.set(false));
    }

    /** One registered job with its state and metric series. */
    private final class Scheduled {
        final Job job;
        final AtomicBoolean running = new AtomicBoolean();
        final Counter successes;
        final Counter failures;
        final Timer duration;
        final AtomicLong lastSuccess = new AtomicLong();
        long timer = -1; // guarded by the scheduler
        int failedInARow; // only touched by the job's one run at a time

        Scheduled(Job job) {
            this.job = job;
            successes = runs("success");
            failures = runs("failure");
            duration = Timer.builder(PREFIX + "duration").description("How long runs of the periodic job took")
                    .tag("job", job.name()).register(registry);
            Gauge.builder(PREFIX + "last.success", lastSuccess, AtomicLong::get)
                    .description("Unix time of the start of the job's last successful run (0 = none yet)")
                    .baseUnit("timestamp_seconds").tag("job", job.name()).register(registry);
        }

        private Counter runs(String result) {
            return Counter.builder(PREFIX + "runs").description("Finished runs of the periodic job by result")
                    .tag("job", job.name()).tag("result", result).register(registry);
        }

        int runOnce(Clock clock) throws Exception {
            Instant start = clock.instant();
            try {
                int n = job.body().run(start);
                duration.record(Duration.between(start, clock.instant()));
                successes.increment();
                lastSuccess.set(start.getEpochSecond());
                if (failedInARow > 0) {
                    LOG.info("job {} succeeded again after {} failed runs", job.name(), failedInARow);
                    failedInARow = 0;
                }
                return n;
            } catch (Throwable t) {
                duration.record(Duration.between(start, clock.instant()));
                failures.increment();
                failedInARow++;
                if (failedInARow == 1) {
                    LOG.error("job {} failed: {}", job.name(), t.toString());
                } else {
                    LOG.debug("job {} failed again ({} runs in a row): {}", job.name(), failedInARow, t.toString());
                }
                throw t;
            }
        }
    }
}
