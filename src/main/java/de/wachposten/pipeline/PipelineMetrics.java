package de.wachposten.pipeline;

import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import de.wachposten.platform.PlatformException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Metrics of polling and detection, prefix {@code wachposten_}. Tags are bounded: platform, poll result, reason code,
 * detector; the per-channel gauge is labelled by channel id, which the config bounds. Every series exists from start.
 */
public final class PipelineMetrics {
    public static final String OK = "ok";
    /** The poll result when the store failed (unreachable, say), not the platform. */
    public static final String STORE = "store";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Creates every series for the given platforms and channels with value 0. */
    public void register(Collection<String> platforms, Collection<String> channelIds) {
        for (String p : platforms) {
            postsIngested(p);
            lateness(p);
            polls(p, OK);
            polls(p, STORE);
            for (PlatformException.Reason r : PlatformException.Reason.values()) {
                polls(p, r.tag());
            }
        }
        for (ReasonCode r : ReasonCode.values()) {
            findings(r);
        }
        for (Severity s : Severity.values()) {
            alertsCreated(s);
        }
        for (String c : channelIds) {
            lastSuccessGauge(c);
        }
    }

    /** Records how late a poll started compared with its plan (timer and event-loop delay). */
    public void pollLateness(String platform, long nanos) {
        lateness(platform).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private io.micrometer.core.instrument.Timer lateness(String platform) {
        return io.micrometer.core.instrument.Timer.builder("wachposten.poll.lateness")
                .description("How late polls start compared with their schedule")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(30))
                .tag("platform", platform).register(registry);
    }

    public void postsIngested(String platform, int n) {
        postsIngested(platform).increment(n);
    }

    public void poll(String platform, String result) {
        polls(platform, result).increment();
    }

    public void finding(ReasonCode reason) {
        findings(reason).increment();
    }

    /** Counts an alert created (revision 1) with severity {@code severity}. */
    public void alertCreated(Severity severity) {
        alertsCreated(severity).increment();
    }

    public void detectorError(String detector) {
        Counter.builder("wachposten.detector.errors").description("Detectors that threw while checking a post")
                .tag("detector", detector).register(registry).increment();
    }

    /** Records a successful poll of {@code channelId} at {@code epochSeconds}. */
    public void pollSucceeded(String channelId, long epochSeconds) {
        lastSuccessGauge(channelId).set(epochSeconds);
    }

    private Counter postsIngested(String platform) {
        return Counter.builder("wachposten.posts.ingested").description("Post versions stored (new posts, edits, deletions)")
                .tag("platform", platform).register(registry);
    }

    private Counter polls(String platform, String result) {
        return Counter.builder("wachposten.polls").description("Channel polls by platform and result")
                .tag("platform", platform).tag("result", result).register(registry);
    }

    private Counter findings(ReasonCode reason) {
        return Counter.builder("wachposten.findings").description("Findings raised, by reason code")
                .tag("reason", reason.code()).register(registry);
    }

    private Counter alertsCreated(Severity severity) {
        return Counter.builder("wachposten.alerts").description("Alerts created (one per post), by severity at creation")
                .tag("severity", severity.wire()).register(registry);
    }

    private AtomicLong lastSuccessGauge(String channelId) {
        return lastSuccess.computeIfAbsent(channelId, id -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder("wachposten.channel.last.success", v, AtomicLong::get)
                    .description("Unix time of the channel's last successful poll (0 = none yet)")
                    .baseUnit("timestamp_seconds")
                    .tag("channel", id).register(registry);
            return v;
        });
    }
}
