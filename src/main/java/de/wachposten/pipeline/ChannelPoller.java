package de.wachposten.pipeline;

import de.wachposten.config.ChannelConfig;
import de.wachposten.platform.Connector;
import de.wachposten.platform.FetchResult;
import de.wachposten.platform.PlatformException;
import de.wachposten.platform.PushSource;
import de.wachposten.store.Lease;
import de.wachposten.store.LeaseLostException;
import de.wachposten.store.StoreException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one channel on its interval. Polls of one channel never overlap; the next poll is planned from the start of
 * the previous one (so slow polls do not drift the schedule), with ±10 % jitter. Failures back off exponentially
 * with jitter, at least as long as the platform asked (Retry-After, rate-limit reset), and affect this channel only.
 * Where the connector offers a {@link PushSource}, its events {@link #wake} the poller: the next poll runs at once
 * (or right after the running one), still no earlier than the platform's minimum delay and at most one woken poll
 * a second (a burst of events is one poll, not one each); a failing channel keeps its backoff. A poll that fails
 * because the store failed (unreachable, say) is no fault of the platform: it counts as result {@code store}, does
 * not grow the backoff, is not recorded in the store, and the next poll runs at the regular interval; the platform's
 * cursor only moves in the store transaction that stores the posts, so the next poll fetches them again. Lateness and
 * spacing are measured on the injected clock, so a test that moves its clock moves them too.
 */
public final class ChannelPoller {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelPoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    /** Woken polls start at least this long after the previous poll's start. */
    static final Duration PUSH_MIN_GAP = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final ChannelConfig channel;
    private final Connector connector;
    private final Pipeline pipeline;
    private final Clock clock;
    private final PipelineMetrics metrics;
    private final RandomGenerator rnd;
    private final Lease lease;

    private volatile boolean stopped;
    private volatile long timerId = -1;
    private volatile int failures;
    private volatile String lastError;
    private volatile Instant lastPollStart;
    private volatile Instant nextPollAt;
    private volatile long plannedAtMillis;
    private volatile PushSource push;
    private boolean polling;      // guarded by this
    private boolean wakeAgain;    // guarded by this
    private long earliestMillis;  // guarded by this: the platform's minimum delay after the last poll
    private long lastStartMillis; // guarded by this
    /** When this poller started: the beginning of watching the channel, unless the store knows an earlier one. */
    private volatile Instant watchingFrom;

    public ChannelPoller(Vertx vertx, ChannelConfig channel, Connector connector, Pipeline pipeline, Clock clock,
                         PipelineMetrics metrics, RandomGenerator rnd) {
        this(vertx, channel, connector, pipeline, clock, metrics, rnd, null);
    }

    /**
     * A poller whose writes are fenced by {@code lease} (null: unfenced): once the lease passed to another instance,
     * its next write is refused and the poller stops.
     */
    public ChannelPoller(Vertx vertx, ChannelConfig channel, Connector connector, Pipeline pipeline, Clock clock,
                         PipelineMetrics metrics, RandomGenerator rnd, Lease lease) {
        this.lease = lease;
        this.vertx = vertx;
        this.channel = channel;
        this.connector = connector;
        this.pipeline = pipeline;
        this.clock = clock;
        this.metrics = metrics;
        this.rnd = rnd;
        this.lastStartMillis = clock.millis() - PUSH_MIN_GAP.toMillis();
    }

    /**
     * Starts polling after {@code initialDelay} (spread start-up load over the interval). Watching the channel begins
     * now: on a first poll with {@code history: ignore}, what was published from now on is evaluated, not archived.
     */
    public void start(Duration initialDelay) {
        watchingFrom = clock.instant();
        schedule(initialDelay.toMillis());
        PushSource source = connector.push();
        if (source != null) {
            push = source;
            source.start(this::wake);
        }
    }

    public synchronized void stop() {
        stopped = true;
        long id = timerId;
        if (id >= 0) {
            vertx.cancelTimer(id);
        }
        PushSource source = push;
        if (source != null) {
            source.stop();
        }
    }

    /**
     * Polls ahead of schedule because the platform pushed an event: now if idle, else right after the running poll.
     * Ignored while the channel fails (its backoff stands) and after {@link #stop}.
     */
    public synchronized void wake() {
        if (stopped || failures > 0) {
            return;
        }
        long now = clock.millis();
        long dueMs = Math.max(0, Math.max(earliestMillis, lastStartMillis + PUSH_MIN_GAP.toMillis()) - now);
        if (polling) {
            wakeAgain = true;
        } else if (plannedAtMillis - now <= dueMs) {
            return; // the planned poll comes first (or is starting now) and covers the event
        } else if (timerId >= 0 && vertx.cancelTimer(timerId)) {
            schedule(dueMs);
        } else {
            wakeAgain = true;
        }
    }

    /** Live state for the channels API and health checks. */
    public Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("state", failures == 0 ? "ok" : "failing");
        h.put("consecutive_failures", failures);
        h.put("last_error", lastError);
        h.put("last_poll_started_at", lastPollStart == null ? null : lastPollStart.toString());
        h.put("next_poll_at", nextPollAt == null ? null : nextPollAt.toString());
        return h;
    }

    private synchronized void schedule(long delayMs) {
        if (stopped) {
            return;
        }
        Instant now = clock.instant();
        nextPollAt = now.plusMillis(delayMs);
        plannedAtMillis = now.toEpochMilli() + delayMs;
        timerId = vertx.setTimer(Math.max(1, delayMs), id -> pollOnce());
    }

    private void pollOnce() {
        Instant start = clock.instant();
        long startMillis = start.toEpochMilli();
        synchronized (this) {
            polling = true;
            wakeAgain = false;
            lastStartMillis = startMillis;
        }
        metrics.pollLateness(channel.platform(), TimeUnit.MILLISECONDS.toNanos(Math.max(0, startMillis - plannedAtMillis)));
        lastPollStart = start;
        pipeline.pollInput(channel.id(), watchingFrom, lease)
                .compose(in -> fetch(in).compose(r -> pipeline.ingest(channel, r, in.state(), lease).map(r)))
                .onSuccess(r -> succeeded(r, startMillis))
                .onFailure(this::failed);
    }

    private Future<FetchResult> fetch(Pipeline.PollInput in) {
        try {
            return connector.fetch(in.state().cursor(), in.knownRecent());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private void succeeded(FetchResult r, long startMillis) {
        metrics.poll(channel.platform(), PipelineMetrics.OK);
        if (failures > 0) {
            LOG.info("poll {} channel {}: recovered after {} failed polls", channel.platform(), channel.id(), failures);
        }
        failures = 0;
        lastError = null;
        long interval = jittered(channel.pollInterval().toMillis());
        long elapsed = Math.max(0, clock.millis() - startMillis);
        long delay = Math.max(0, interval - elapsed);
        long minDelay = r.minDelay() == null ? 0 : r.minDelay().toMillis();
        delay = Math.max(delay, minDelay);
        synchronized (this) {
            polling = false;
            earliestMillis = clock.millis() + minDelay;
            if (wakeAgain) {
                wakeAgain = false;
                delay = Math.max(minDelay, PUSH_MIN_GAP.toMillis() - elapsed);
            }
            schedule(delay);
        }
    }

    private void failed(Throwable t) {
        if (stopped) {
            LOG.debug("poll {} channel {} ended by the shutdown: {}", channel.platform(), channel.id(), t.toString());
            return;
        }
        if (t instanceof LeaseLostException) {
            leaseLost(t);
            return;
        }
        if (t instanceof StoreException) {
            storeFailed(t);
            return;
        }
        PlatformException pe = t instanceof PlatformException p ? p
                : new PlatformException(PlatformException.Reason.MALFORMED, "poll " + channel.platform() + " channel "
                + channel.id() + ": unexpected error: " + t);
        failures++;
        lastError = pe.getMessage();
        metrics.poll(channel.platform(), pe.reason().tag());
        long delay = backoff(failures);
        if (pe.retryAfter() != null) {
            delay = Math.max(delay, pe.retryAfter().toMillis());
        }
        LOG.warn("{} (failure {} in a row, next poll in {} s)", pe.getMessage(), failures, (delay + 999) / 1000);
        pipeline.pollFailed(channel.id(), pe.getMessage(), lease).onFailure(e -> {
            if (e instanceof LeaseLostException) {
                leaseLost(e);
            } else {
                LOG.warn("recording the failed poll of channel {} failed: {}", channel.id(), e.getMessage());
            }
        });
        synchronized (this) {
            polling = false;
            wakeAgain = false;
            schedule(delay);
        }
    }

    private void leaseLost(Throwable t) {
        LOG.warn("poll {} channel {}: {}; this instance stops polling it", channel.platform(), channel.id(),
                t.getMessage());
        stop();
    }

    /** The store failed, not the platform: the next poll at the regular interval; logged at the first in a row. */
    private void storeFailed(Throwable t) {
        failures++;
        lastError = "store: " + t.getMessage();
        metrics.poll(channel.platform(), PipelineMetrics.STORE);
        long delay = jittered(channel.pollInterval().toMillis());
        if (failures == 1) {
            LOG.warn("poll {} channel {}: the store failed: {} (polled again at the regular interval)",
                    channel.platform(), channel.id(), t.getMessage());
        } else {
            LOG.debug("poll {} channel {}: the store failed again ({} in a row): {}", channel.platform(),
                    channel.id(), failures, t.getMessage());
        }
        synchronized (this) {
            polling = false;
            wakeAgain = false;
            schedule(delay);
        }
    }

    /** Exponential backoff from the poll interval, capped, with jitter between half and the full value. */
    long backoff(int consecutiveFailures) {
        long base = channel.pollInterval().toMillis();
        long cap = Math.max(base, MAX_BACKOFF.toMillis());
        long exp = base << Math.min(consecutiveFailures - 1, 20);
        long capped = Math.min(cap, exp < 0 ? cap : exp);
        return capped / 2 + (long) (rnd.nextDouble() * (capped / 2.0));
    }

    private long jittered(long intervalMs) {
        return Math.round(intervalMs * (0.9 + 0.2 * rnd.nextDouble()));
    }
}
