package de.wachposten.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AlertMetrics metrics = new AlertMetrics(registry);

    @Test
    void everySeriesOfARegisteredSinkExistsWithZeroBeforeAnyDelivery() {
        metrics.registerSink("webhook");
        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("wachposten_alert_deliveries_total{result=\"delivered\",sink=\"webhook\"} 0.0")
                .contains("wachposten_alert_deliveries_total{result=\"retry\",sink=\"webhook\"} 0.0")
                .contains("wachposten_alert_deliveries_total{result=\"dead\",sink=\"webhook\"} 0.0")
                .contains("wachposten_dead_letters_total{sink=\"webhook\"} 0.0")
                .contains("wachposten_outbox_backlog 0.0")
                .contains("wachposten_time_to_alert_seconds_count{sink=\"webhook\"} 0")
                .contains("wachposten_time_to_alert_seconds_bucket{sink=\"webhook\",le=\"+Inf\"} 0");
    }

    @Test
    void everyMeterHasADescription() {
        metrics.registerSink("webhook");
        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("# HELP wachposten_alert_deliveries_total Alert delivery attempts")
                .contains("# HELP wachposten_dead_letters_total Alert deliveries given up")
                .contains("# HELP wachposten_outbox_backlog Alert deliveries waiting")
                .contains("# HELP wachposten_time_to_alert_seconds Time from a post's publication");
    }

    @Test
    void outcomesCountPerSinkAndResultAndADeadLetterCountsTwice() {
        metrics.registerSink("webhook");
        metrics.delivered("webhook");
        metrics.retry("webhook");
        metrics.retry("webhook");
        metrics.dead("webhook");
        metrics.backlog(7);
        metrics.timeToAlert("webhook", Duration.ofSeconds(3));
        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("wachposten_alert_deliveries_total{result=\"delivered\",sink=\"webhook\"} 1.0")
                .contains("wachposten_alert_deliveries_total{result=\"retry\",sink=\"webhook\"} 2.0")
                .contains("wachposten_alert_deliveries_total{result=\"dead\",sink=\"webhook\"} 1.0")
                .contains("wachposten_dead_letters_total{sink=\"webhook\"} 1.0")
                .contains("wachposten_outbox_backlog 7.0")
                .contains("wachposten_time_to_alert_seconds_count{sink=\"webhook\"} 1")
                .contains("wachposten_time_to_alert_seconds_sum{sink=\"webhook\"} 3.0");
    }
}
