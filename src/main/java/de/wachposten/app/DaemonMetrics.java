package de.wachposten.app;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Daemon-wide metrics, prefix {@code wachposten_}; every series exists from start-up:
 * <ul>
 *   <li>{@code wachposten_channels{state}} — configured channels by poll state ({@code ok}, {@code failing},
 *       {@code not_polled}; with several instances also {@code remote}: polled by another instance, and
 *       {@code unleased}: polled by no instance right now)</li>
 *   <li>{@code wachposten_instance_info{instance}} — 1, naming this instance among those on one store</li>
 *   <li>{@code wachposten_alerts_open{severity}} — alerts neither acknowledged nor resolved, refreshed from the store
 *       by {@link #openAlerts(List)}</li>
 *   <li>{@code wachposten_rules_reload_total{result}} — ruleset (re)loads, {@code ok} or {@code failed}; the ruleset
 *       loader reports through {@link #rulesReload(boolean)}</li>
 * </ul>
 */
public final class DaemonMetrics {
    /** Channel states of {@code wachposten_channels}. */
    public static final List<String> CHANNEL_STATES = List.of("ok", "failing", "not_polled", "remote", "unleased");

    private final MeterRegistry registry;
    private final Map<Severity, AtomicLong> open = new EnumMap<>(Severity.class);

    /**
     * Registers every series.
     *
     * @param channelStates supplies channel id → health map with a {@code state} entry (read on each scrape)
     */
    public DaemonMetrics(MeterRegistry registry, Supplier<Map<String, Object>> channelStates) {
        this.registry = Objects.requireNonNull(registry, "registry");
        for (String state : CHANNEL_STATES) {
            Gauge.builder("wachposten.channels", () -> count(channelStates, state))
                    .description("Configured channels by poll state (ok, failing, not_polled, remote, unleased)")
                    .tag("state", state).register(registry);
        }
        for (Severity s : Severity.values()) {
            AtomicLong v = new AtomicLong();
            open.put(s, v);
            Gauge.builder("wachposten.alerts.open", v, AtomicLong::get)
                    .description("Alerts neither acknowledged nor resolved, by severity")
                    .tag("severity", s.wire()).register(registry);
        }
        reloads(true);
        reloads(false);
    }

    /** Names this instance: {@code wachposten_instance_info{instance}} = 1. */
    public void instance(String id) {
        Gauge.builder("wachposten.instance.info", () -> 1).description("This instance among those on one store")
                .tag("instance", id).register(registry);
    }

    /** Counts one load of the ruleset, successful or failed. */
    public void rulesReload(boolean ok) {
        reloads(ok).increment();
    }

    /** Sets the open-alert gauges from the open alerts. */
    public void openAlerts(List<Alert> openAlerts) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Alert a : openAlerts) {
            if (a.status() == AlertStatus.OPEN) {
                counts.merge(a.severity(), 1L, Long::sum);
            }
        }
        open.forEach((s, v) -> v.set(counts.getOrDefault(s, 0L)));
    }

    private Counter reloads(boolean ok) {
        return Counter.builder("wachposten.rules.reload").description("Ruleset loads by result (ok, failed)")
                .tag("result", ok ? "ok" : "failed").register(registry);
    }

    private static double count(Supplier<Map<String, Object>> health, String state) {
        try {
            return health.get().values().stream()
                    .filter(h -> h instanceof Map<?, ?> m && state.equals(m.get("state")))
                    .count();
        } catch (java.util.ConcurrentModificationException starting) {
            return Double.NaN; // a scrape while the pollers are being created at start; the next scrape counts them
        }
    }
}
